package com.partnerflow.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

@Service
public class NotificationService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    private static final String UTF_8 = "UTF-8";
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    /** The threads that send every mail written outside a process step ({@link #mailThreads}). */
    static final int MAIL_THREADS = 2;

    static {
        // Jakarta Mail 2.1 looks up its StreamProvider with a ServiceLoader, scanning every jar, for each message
        // it builds (jakartaee/mail-api#861: some 5 % of a mail step's CPU). Named by this property, which Jakarta
        // Mail reads first, the lookup is one Class.forName. The class is in the Angus Mail jar we ship.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final Notifications notifications;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationSettings settings;
    private final TransactionTemplate eachMailOnItsOwn;
    private final Clock clock;
    /**
     * Sends the mails of a committed decision outside the thread that committed it, and the start-up's and the
     * schedule's retries. The committing thread still holds its transaction's connection in {@code afterCommit};
     * sending there took a second connection to read the outbox and a third for each mail, so a few concurrent decisions could each hold one and wait for another until the pool ran
     * dry (16 REST clients: every connection held, every caller timed out after 30 s — docs/performance.md). Here a
     * thread holds at most one connection at a time, and the caller's answer does not wait for the mail server.
     */
    private final ThreadPoolTaskExecutor mailThreads;

    NotificationService(Notifications notifications, ObjectProvider<JavaMailSender> mailSender,
                        NotificationSettings settings, PlatformTransactionManager transactionManager, Clock clock) {
        this.notifications = notifications;
        this.mailSender = mailSender;
        this.settings = settings;
        this.eachMailOnItsOwn = new TransactionTemplate(transactionManager);
        this.eachMailOnItsOwn.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.mailThreads = new ThreadPoolTaskExecutor();
        mailThreads.setThreadNamePrefix("mail-sender-");
        mailThreads.setCorePoolSize(MAIL_THREADS);
        mailThreads.setMaxPoolSize(MAIL_THREADS);
        mailThreads.setQueueCapacity(10_000);
        // a mail not sent before shutdown stays pending: the next start sends it (sendWhatTheLastRunLeft)
        mailThreads.setWaitForTasksToCompleteOnShutdown(true);
        mailThreads.setAwaitTerminationSeconds(15);
        mailThreads.initialize();
    }

    @Override
    public void destroy() {
        mailThreads.shutdown();
    }

    /** How many mails wait to be sent. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public long pending() {
        return notifications.countByStatus(Notification.Status.PENDING);
    }

    /** Writes mails to the outbox in the caller's transaction: they exist exactly when the decision does. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(String topic, List<Mail> mails) {
        write(topic, mails, false);
    }

    private void write(String topic, List<Mail> mails, boolean outsideProcess) {
        mails.forEach(mail -> notifications.save(new Notification(topic, mail, clock.instant(), outsideProcess)));
    }

    /**
     * For a decision taken outside a process (no async step to send its mails): writes the mails in the caller's
     * transaction, like {@link #enqueue}, and once that transaction has committed sends the topic's pending mails on
     * the {@link #mailThreads mail threads}, a moment after the caller has its answer. A failure to send is logged and
     * leaves the mails pending in the outbox, where {@link #retryOutsideProcesses} sends them once the server is back
     * (the pending-mail gauge shows them meanwhile).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueueAndSendAfterCommit(String topic, List<Mail> mails) {
        write(topic, mails, true);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                onMailThreads(() -> sendNow(topic), "Mails of " + topic);
            }
        });
    }

    private void sendNow(String topic) {
        try {
            dispatch(topic);
        } catch (RuntimeException failure) {
            log.warn("Mails of {} not sent, they stay pending in the outbox: {}", topic, failure.getMessage());
        }
    }

    /**
     * The retry of mails written outside any process, every {@code partnerflow.notification.retry-interval} (5 minutes):
     * a process's mail step is retried by the engine, these by this schedule, until they go. Only mails older than a
     * minute, so the send right after the commit has had its turn; a row lock keeps two senders (another node, that
     * send) from sending one twice.
     */
    @Scheduled(initialDelayString = "${partnerflow.notification.retry-interval:PT5M}",
            fixedDelayString = "${partnerflow.notification.retry-interval:PT5M}")
    public void retryOutsideProcesses() {
        Instant before = clock.instant().minus(Duration.ofMinutes(1));
        onMailThreads(() -> retryOutsideProcesses(before), "the retry of pending mails");
    }

    /**
     * At start-up, the mails of decisions outside processes that a stopped or killed server wrote but did not send (it
     * died between the commit and the send right after it) go at once, not at the schedule's first run five minutes
     * later. Another node sending one of them right now is kept from sending it twice by the same row lock.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void sendWhatTheLastRunLeft() {
        Instant now = clock.instant();
        onMailThreads(() -> retryOutsideProcesses(now), "the mails the last run left");
    }

    /**
     * Sending happens on the mail threads only, whoever asks: on {@code main} the start-up's send kept the node out of
     * service (readiness comes after this event) for the SMTP timeouts of every pending topic — 18.5 minutes behind a hung
     * server — and on the scheduler's thread it held a connection the pool's budget does not count (ADR 0053).
     */
    private void onMailThreads(Runnable send, String what) {
        try {
            mailThreads.execute(send);
        } catch (TaskRejectedException full) {
            log.warn("{} waits for the next schedule: {} topics already queued", what, mailThreads.getThreadPoolExecutor().getQueue().size());
        }
    }

    /** Sends the pending mails of decisions outside processes written before {@code before}; a failing topic waits. */
    public void retryOutsideProcesses(Instant before) {
        for (String topic : notifications.topicsPendingOutsideProcessesSince(before)) {
            try {
                dispatch(topic);
            } catch (RuntimeException failure) {
                log.warn("Mails of {} still not sent, retried on the next run: {}", topic, failure.getMessage());
            }
        }
    }

    /**
     * Sends the pending mails of a topic. Each mail is marked sent in its own transaction right
     * after the SMTP server took it, so when a later mail fails and the job is retried, the ones
     * already sent are not sent again. A failure propagates: the engine retries, then raises an incident.
     */
    public void dispatch(String topic) {
        for (Notification pending : notifications.findByTopicAndStatusOrderById(topic, Notification.Status.PENDING)) {
            eachMailOnItsOwn.executeWithoutResult(status -> deliver(pending.getId()));
        }
    }

    private void deliver(Long notificationId) {
        Notification notification = notifications.lockById(notificationId).orElseThrow();
        if (notification.getStatus() != Notification.Status.PENDING) {
            return;
        }
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.info("No mail host configured; mail {} to {} logged instead: {}", notification.getTopic(),
                    notification.getRecipient(), notification.getSubject());
            notification.markDelivered(Notification.Status.LOGGED, clock.instant());
            return;
        }
        MimeMessage message = message(sender, notification);
        try {
            sender.send(message);
        } catch (MailException failure) {
            throw new MailNotSent(notification, server(sender), failure);
        }
        notification.markDelivered(Notification.Status.SENT, clock.instant());
        log.info("Mail {} sent to {}: {}", notification.getTopic(), notification.getRecipient(), notification.getSubject());
    }

    /** A multipart/alternative message: the text part first, the HTML part last (the one a mail client prefers). */
    private MimeMessage message(JavaMailSender sender, Notification notification) {
        MimeMessage message = sender.createMimeMessage();
        try {
            message.setFrom(new InternetAddress(settings.from()));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(notification.getRecipient()));
            message.setSubject(notification.getSubject(), UTF_8);
            message.setSentDate(java.util.Date.from(clock.instant()));
            if (notification.getHtml() == null) {
                message.setText(notification.getBody(), UTF_8);
                return message;
            }
            MimeBodyPart text = new MimeBodyPart();
            text.setText(notification.getBody(), UTF_8);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(notification.getHtml(), UTF_8, "html");
            message.setContent(new MimeMultipart("alternative", text, html));
            return message;
        } catch (MessagingException malformed) {
            throw new MailPreparationException("Письмо " + notification.getId() + " не собрано: " + malformed.getMessage(), malformed);
        }
    }

    private static String server(JavaMailSender sender) {
        return sender instanceof JavaMailSenderImpl smtp
                ? smtp.getHost() + ":" + (smtp.getPort() > 0 ? smtp.getPort() : 25) : "SMTP";
    }
}
