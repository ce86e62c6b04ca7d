package com.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.partnerflow.ReceivedMail;

/**
 * The stopped application's H2 file, read directly: the mail outbox and the subscribers' assignments, which no API
 * shows whole. Read after a graceful stop, when the file is free.
 */
final class RecoveredDatabase {

    record Entry(String topic, String recipient, String subject, String body, String status) {

        String mail() {
            return key(recipient, subject, body);
        }
    }

    /** What the SMTP server received, compared with the outbox, by recipient, subject and body. */
    record Delivery(List<String> notInOutbox, List<String> missing, List<String> resentAfterKill, List<String> duplicatedOtherwise) {
    }

    private static final Set<String> MODERATION_MAILED = Set.of("PUBLISHED", "REJECTED", "CHANGES_REQUESTED");

    private final List<Entry> entries;
    private final Map<Long, Integer> assignmentsByTransfer;
    /** Subscriber number → its partner's code, and the partner codes of its open assignments. */
    private final Map<String, String> partnerOf;
    private final Map<String, List<String>> openAssignments;

    private RecoveredDatabase(List<Entry> entries, Map<Long, Integer> assignmentsByTransfer, Map<String, String> partnerOf,
                   Map<String, List<String>> openAssignments) {
        this.entries = entries;
        this.assignmentsByTransfer = assignmentsByTransfer;
        this.partnerOf = partnerOf;
        this.openAssignments = openAssignments;
    }

    /** {@code database}: the path of the H2 file without its {@code .mv.db} suffix. */
    static RecoveredDatabase read(Path database) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + database.toAbsolutePath(), "sa", "");
             Statement statement = connection.createStatement()) {
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select topic, recipient, subject, body, status from notification")) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5)));
                }
            }
            Map<Long, Integer> byTransfer = new HashMap<>();
            try (ResultSet rows = statement.executeQuery(
                    "select transfer_id, count(*) from subscriber_assignment where transfer_id is not null group by transfer_id")) {
                while (rows.next()) {
                    byTransfer.put(rows.getLong(1), rows.getInt(2));
                }
            }
            Map<String, String> partnerOf = new HashMap<>();
            try (ResultSet rows = statement.executeQuery(
                    "select s.number, p.code from subscriber s join partner p on p.id = s.partner_id")) {
                while (rows.next()) {
                    partnerOf.put(rows.getString(1), rows.getString(2));
                }
            }
            Map<String, List<String>> open = new HashMap<>();
            try (ResultSet rows = statement.executeQuery("select s.number, p.code from subscriber_assignment a "
                    + "join subscriber s on s.id = a.subscriber_id join partner p on p.id = a.partner_id where a.ended_at is null")) {
                while (rows.next()) {
                    open.computeIfAbsent(rows.getString(1), number -> new ArrayList<>()).add(rows.getString(2));
                }
            }
            return new RecoveredDatabase(entries, byTransfer, partnerOf, open);
        }
    }

    int size() {
        return entries.size();
    }

    /**
     * Nothing pending, nothing twice: each decision wrote its mails once (an approved transfer two, a rejected one
     * one), each approved transfer re-assigned its subscriber once, and each subscriber has one current assignment,
     * to the partner it belongs to.
     */
    void checkAgainst(Map<Long, String> transferStatus, Map<Long, String> moderationStatus) {
        assertThat(entries).as("outbox entries still pending").noneMatch(entry -> entry.status().equals("PENDING"));
        Map<String, Integer> copies = new HashMap<>();
        entries.forEach(entry -> copies.merge(entry.topic() + "\n" + entry.mail(), 1, Integer::sum));
        assertThat(copies).as("outbox entries written twice").allSatisfy((entry, count) -> assertThat(count).as(entry).isEqualTo(1));

        Map<String, Integer> byTopic = new HashMap<>();
        entries.forEach(entry -> byTopic.merge(entry.topic(), 1, Integer::sum));
        transferStatus.forEach((id, status) -> assertThat(byTopic.getOrDefault("transfer:" + id, 0))
                .as("mails of transfer %s in status %s", id, status)
                .isEqualTo(switch (status) {
                    case "APPROVED" -> 2;
                    case "REJECTED" -> 1;
                    default -> 0;
                }));
        moderationStatus.forEach((id, status) -> assertThat(byTopic.getOrDefault("configuration-moderation:" + id, 0) > 0)
                .as("mails of moderation %s in status %s", id, status).isEqualTo(MODERATION_MAILED.contains(status)));

        transferStatus.forEach((id, status) -> assertThat(assignmentsByTransfer.getOrDefault(id, 0))
                .as("subscriber assignments made by transfer %s in status %s", id, status)
                .isEqualTo(status.equals("APPROVED") ? 1 : 0));
        partnerOf.forEach((number, partner) -> assertThat(openAssignments.get(number))
                .as("current assignments of subscriber %s (served by %s)", number, partner).containsExactly(partner));
    }

    /**
     * Matches the received mails with the outbox. A mail received twice is a resend of the kill window when one copy
     * arrived before the kill and one after ({@code beforeKill}: what had arrived then, as {@link #received} counts it).
     * GreenMail keeps mails per mailbox, so arrival order is told by these counts, not by position.
     */
    Delivery delivery(MimeMessage[] received, Map<String, Integer> beforeKill) throws Exception {
        Map<String, Integer> arrivals = received(received);
        Map<String, Entry> byMail = new HashMap<>();
        entries.forEach(entry -> byMail.put(entry.mail(), entry));
        List<String> notInOutbox = new ArrayList<>();
        List<String> resent = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        arrivals.forEach((mail, total) -> {
            int before = beforeKill.getOrDefault(mail, 0);
            if (!byMail.containsKey(mail)) {
                notInOutbox.add(mail);
            } else if (total == 2 && before == 1) {
                resent.add(mail);
            } else if (total > 1) {
                duplicated.add(total + "x (" + before + " before the kill) " + mail);
            }
        });
        List<String> missing = byMail.keySet().stream().filter(mail -> !arrivals.containsKey(mail)).toList();
        return new Delivery(notInOutbox, missing, resent, duplicated);
    }

    /** How many copies of each mail (recipient, subject, body) arrived. */
    static Map<String, Integer> received(MimeMessage[] received) throws Exception {
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage message : received) {
            copies.merge(key(message), 1, Integer::sum);
        }
        return copies;
    }

    private static String key(MimeMessage message) throws Exception {
        return key(message.getRecipients(Message.RecipientType.TO)[0].toString(), message.getSubject(),
                ReceivedMail.text(message));
    }

    private static String key(String recipient, String subject, String body) {
        return recipient + " | " + subject + " | " + body.replace("\r\n", "\n").strip();
    }
}
