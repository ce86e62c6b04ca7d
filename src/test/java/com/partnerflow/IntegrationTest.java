package com.partnerflow;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.partnerflow.notification.Notification;

/**
 * Base of every test that needs the whole application: one Spring context shared by all of them
 * (same class, same profiles, same properties), on an in-memory H2 with the demo users, a real
 * HTTP port, the job executor on, and a real SMTP server (GreenMail) that receives every mail. Every answer of
 * {@code /api} is checked against the OpenAPI document ({@link ContractValidation}); the connections each thread holds
 * at once are counted ({@link ConnectionsPerThread}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import({TestData.class, ContractValidation.Filter.class, ConnectionsPerThread.class})
@ExtendWith(ContractValidation.Check.class)
public abstract class IntegrationTest {

    protected static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @Autowired
    private EntityManager outbox;

    /**
     * Waits until no mail to {@code recipient} is pending in the outbox. The mails of a task's creation and of decisions
     * outside processes leave a moment after their commit, on the mail threads: a check that someone received nothing is
     * complete only after this.
     */
    protected void awaitNothingPendingTo(String recipient) {
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.createQuery("select count(n) from Notification n "
                        + "where n.recipient = :recipient and n.status = :pending", Long.class)
                .setParameter("recipient", recipient).setParameter("pending", Notification.Status.PENDING)
                .getSingleResult() == 0);
    }
}
