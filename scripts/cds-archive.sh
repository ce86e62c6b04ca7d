#!/bin/sh
# Prepares the faster production launch of a Spring Boot jar (docs/operations.md "Starting faster", ADR 0051):
# extracts the jar into a directory and writes the class data sharing archive of a training run beside it.
#
#   scripts/cds-archive.sh [jar] [directory]      # defaults: target/partnerflow-*.jar, target/partnerflow
#   cd target/partnerflow && java -XX:SharedArchiveFile=application.jsa -jar partnerflow-<version>.jar
#
# The training run starts the application up to the refresh of its Spring context (Spring's
# -Dspring.context.exit=onRefresh: no web server, no job executor, no mail) on a throwaway H2 database in a
# temporary directory, whatever SPRING_PROFILES_ACTIVE says, so it never touches a real database. Run it with the
# JDK that runs the application, on its machine, again after every new jar or JDK: an archive that does not match
# is ignored with a warning, and the application starts as it would without it.
set -eu

jar=${1:-}
if [ -z "$jar" ]; then
  for candidate in target/partnerflow-*.jar; do
    case "$candidate" in *.original) ;; *) jar=$candidate ;; esac
  done
fi
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
  echo "No jar: build it first (./mvnw package) or name it: $0 <jar> [directory]" >&2
  exit 1
fi
directory=${2:-target/partnerflow}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

rm -rf "$directory"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$directory"

training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
application=$(basename "$jar")
# the archive records the class path as the launch names it: train with the same relative -jar as the launch above
(
  cd "$directory"
  unset SPRING_PROFILES_ACTIVE
  "$java" -XX:ArchiveClassesAtExit=application.jsa -Dspring.context.exit=onRefresh -jar "$application" \
    --server.port=0 "--spring.datasource.url=jdbc:h2:file:$training/db;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE" \
    > "$training/training.log" 2>&1
) || { echo "The training run failed:" >&2; tail -40 "$training/training.log" >&2; exit 1; }
if [ ! -s "$directory/application.jsa" ]; then
  echo "The training run wrote no archive:" >&2
  tail -40 "$training/training.log" >&2
  exit 1
fi
echo "Start it with: cd $directory && java -XX:SharedArchiveFile=application.jsa -jar $application"
