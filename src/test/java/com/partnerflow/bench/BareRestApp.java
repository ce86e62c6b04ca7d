package com.partnerflow.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

import com.partnerflow.LoopbackHttp;

/**
 * The REST workload's baseline: the bare Camunda application of {@code src/bench/bare} (built as the startup workload
 * builds it), launched with its profile {@code rest-bench} — the engine REST API behind HTTP Basic against the
 * engine's identity service, authorizations on — on an H2 file of its own with the same URL settings as the
 * application's. Everything it needs is set up over its REST API as its administrator (admin/admin): the baseline
 * model, users with the same ids, groups and passwords as the application's, and grants.
 */
final class BareRestApp implements AutoCloseable {

    private static final String ADMIN = "admin";

    private final StartupWorkload.LaunchedJvm jvm;
    private final LoopbackHttp http;

    private BareRestApp(StartupWorkload.LaunchedJvm jvm) {
        this.jvm = jvm;
        this.http = new LoopbackHttp(jvm.port());
    }

    /** Builds the bare application (quick when it is up to date) and launches it; returns once it is ready. */
    static BareRestApp launch() throws Exception {
        Path jar = StartupWorkload.BareBuild.run();
        Path directory = Results.DIRECTORY.resolve("rest-bare");
        StartupWorkload.deleteRecursively(directory);
        StartupWorkload.LaunchedJvm jvm = StartupWorkload.LaunchedJvm.start(jar, "/camunda/app/welcome/default/", directory,
                List.of("-Dspring.profiles.active=rest-bench"), null);
        try {
            jvm.awaitReady();
        } catch (RuntimeException | Error e) {
            jvm.close();
            throw e;
        }
        return new BareRestApp(jvm);
    }

    int port() {
        return jvm.port();
    }

    long pid() {
        return jvm.pid();
    }

    void deploy(String resourceName, String bpmnXml) throws Exception {
        expectOk(http.postMultipart(ADMIN, "/engine-rest/deployment/create", Map.of("deployment-name", "rest-baseline"),
                "model", resourceName, "application/xml", bpmnXml.getBytes(StandardCharsets.UTF_8)), "deploy " + resourceName);
    }

    void group(String id) throws Exception {
        expectOk(http.postJson(ADMIN, "/engine-rest/group/create", Map.of("id", id, "name", id)), "group " + id);
    }

    /** A user whose password is its id, as the application's test users (and {@link LoopbackHttp}'s calls). */
    void user(String id, Set<String> groups) throws Exception {
        expectOk(http.postJson(ADMIN, "/engine-rest/user/create", Map.of("profile", Map.of("id", id, "firstName", "Тест", "lastName", id,
                "email", id + "@users.test"), "credentials", Map.of("password", id))), "user " + id);
        for (String group : groups) {
            expectOk(http.put(ADMIN, "/engine-rest/group/" + group + "/members/" + id), "membership " + id + " " + group);
        }
    }

    void grant(String groupId, Resource resource, String resourceId, Permission... permissions) throws Exception {
        expectOk(http.postJson(ADMIN, "/engine-rest/authorization/create", Map.of("type", Authorization.AUTH_TYPE_GRANT,
                "permissions", java.util.Arrays.stream(permissions).map(Permission::getName).toList(), "groupId", groupId,
                "resourceType", resource.resourceType(), "resourceId", resourceId)), "grant " + groupId + " on " + resourceId);
    }

    private static void expectOk(LoopbackHttp.Response response, String what) {
        if (!response.ok()) {
            throw new IllegalStateException("The bare application refused to " + what + ": " + response.status() + " " + response.body());
        }
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
