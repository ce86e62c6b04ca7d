package com.partnerflow.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;

import com.partnerflow.ReceivedMail;
import com.partnerflow.moderation.ModerationApi;
import com.partnerflow.transfer.TransferApi;

/** {@code /api/team} as a partner's administrator calls it, and the invitation mail its new employee receives (ADR 0047). */
public final class TeamApi {

    /** The address of an invitation link in a mail: whatever the public base URL, its path is the portal's. */
    public static final Pattern LINK = Pattern.compile("/portal/invitation/[A-Za-z0-9_-]{43}");

    private final TestRestTemplate http;

    public TeamApi(TestRestTemplate http) {
        this.http = http;
    }

    /** A new employee's body: login, name and an address of its own ({@code <login>@team.test}). */
    public static Map<String, Object> employee(String userId) {
        return Map.of("userId", userId, "firstName", "Алексей", "lastName", "Кузьмин " + userId, "email", userId + "@team.test");
    }

    public ResponseEntity<JsonNode> add(String administrator, Map<String, ?> body) {
        return call(HttpMethod.POST, "/api/team", administrator, body);
    }

    /** Adds the employee and asserts it was added. */
    public JsonNode added(String administrator, String userId) {
        ResponseEntity<JsonNode> added = add(administrator, employee(userId));
        assertThat(added.getStatusCode()).as("%s", added.getBody()).isEqualTo(HttpStatus.CREATED);
        return added.getBody();
    }

    public ResponseEntity<JsonNode> call(HttpMethod method, String path, String user, Object body) {
        HttpHeaders headers = TransferApi.basic(user);
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    public ResponseEntity<JsonNode> get(String path, String user) {
        return call(HttpMethod.GET, path, user, null);
    }

    /** The path of the newest invitation link mailed to the address, waiting for the mail. */
    public static String invitationPath(GreenMail mail, String recipient) throws Exception {
        List<MimeMessage> mails = List.of(ModerationApi.mailTo(mail, recipient, "Приглашение в команду"));
        Matcher link = LINK.matcher(ReceivedMail.text(mails.get(0)));
        assertThat(link.find()).as("an invitation link in the mail to %s", recipient).isTrue();
        String found = link.group();
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (message.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString().equals(recipient)) {
                Matcher newer = LINK.matcher(ReceivedMail.text(message));
                if (newer.find()) {
                    found = newer.group();
                }
            }
        }
        return found;
    }
}
