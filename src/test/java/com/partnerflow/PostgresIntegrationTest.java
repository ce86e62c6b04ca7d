package com.partnerflow;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * Base of the tests that run the whole application on PostgreSQL, as production does: profile {@code postgres} and
 * nothing else (no demo data, the administrator from {@code PARTNERFLOW_ADMIN_*}), on a real PostgreSQL server
 * ({@link EmbeddedPostgresServer}) started once per JVM and shared by one Spring context, with Flyway's migrations
 * and Camunda's own schema created on it at startup.
 *
 * <p>A second application context beside {@link IntegrationTest}'s, and it must not live in the same JVM: Camunda
 * keeps its engines in static registries ({@code ProcessEngines}, which {@code /engine-rest} reads), so two contexts
 * would answer each other's REST calls. The {@code postgres-test} execution of surefire runs the classes named
 * {@code *OnPostgresTest} in a JVM of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@Import({TestData.class, EmbeddedPostgresServer.OutlivesTheContext.class})
public abstract class PostgresIntegrationTest {

    /** The administrator the {@code postgres} profile creates from the environment. */
    protected static final String ADMIN = "pgadmin";

    protected static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    /** The variables an operator sets for the {@code postgres} profile (application.yaml reads them). */
    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        registry.add("PARTNERFLOW_DB_URL", EmbeddedPostgresServer::jdbcUrl);
        registry.add("PARTNERFLOW_DB_USER", () -> "postgres");
        registry.add("PARTNERFLOW_DB_PASSWORD", () -> "postgres");
        registry.add("PARTNERFLOW_ADMIN_USER", () -> ADMIN);
        registry.add("PARTNERFLOW_ADMIN_PASSWORD", () -> ADMIN);
        registry.add("PARTNERFLOW_MAIL_HOST", () -> "127.0.0.1");
        registry.add("PARTNERFLOW_MAIL_PORT", () -> MAIL.getSmtp().getPort());
    }

    /** The first mail to the recipient whose subject contains the text, waiting for the notification job. */
    protected static MimeMessage mailTo(String recipient, String subjectPart) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> Arrays.stream(MAIL.getReceivedMessages())
                .filter(message -> {
                    try {
                        return message.getRecipients(Message.RecipientType.TO)[0].toString().equals(recipient)
                                && String.valueOf(message.getSubject()).contains(subjectPart);
                    } catch (Exception unreadable) {
                        return false;
                    }
                })
                .findFirst().orElse(null), message -> message != null);
    }
}
