package com.partnerflow.moderation;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.partnerflow.ReceivedMail;
import com.partnerflow.transfer.TransferApi;

/**
 * Drives partner configurations over HTTP as their users do: the partner's {@code /api/configuration-accounts} and
 * {@code /api/configurations} calls, the public {@code /api/catalogue}, and Tasklist's calls on {@code /engine-rest}
 * for the moderators' and the partner's tasks. A {@code null} user sends no credentials.
 */
public final class ModerationApi {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final TestRestTemplate http;

    public ModerationApi(TestRestTemplate http) {
        this.http = http;
    }

    /** A configuration with every field moderation needs: two entities, a price, a link. Mutable. */
    public static Map<String, Object> complete(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("shortDescription", "Прием заявок, назначение исполнителей и контроль сроков.");
        body.put("fullDescription", "Готовые процессы и справочники для сервисной службы; настройка за один день.");
        body.put("category", Category.SERVICE.name());
        body.put("industry", Industry.SERVICES.name());
        body.put("links", new ArrayList<>(List.of("https://partnerflow.example/screenshots/service-1.png")));
        body.put("free", false);
        body.put("price", new BigDecimal("4900"));
        body.put("supportContact", "support@partners.example");
        body.put("entities", new ArrayList<>(List.of(entity("PROCESS", "Обработка заявок"), entity("DIRECTORY", "Клиенты"))));
        return body;
    }

    static Map<String, Object> entity(String kind, String name) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("kind", kind);
        entity.put("name", name);
        return entity;
    }

    // ---- configuration accounts ----

    ResponseEntity<JsonNode> createAccount(String user, String name) {
        return exchange(user, HttpMethod.POST, "/api/configuration-accounts", Map.of("name", name));
    }

    public long account(String user, String name) {
        return expect(createAccount(user, name), 201).get("id").asLong();
    }

    ResponseEntity<JsonNode> invite(String user, long accountId, String partnerCode) {
        return exchange(user, HttpMethod.POST, "/api/configuration-accounts/" + accountId + "/members", Map.of("partnerCode", partnerCode));
    }

    /** The manager invites the partner; answers the id of its pending invitation. */
    public long invited(String manager, long accountId, String partnerCode) {
        JsonNode account = expect(invite(manager, accountId, partnerCode), 200);
        for (JsonNode invitation : account.get("invitations")) {
            if (invitation.at("/partner/code").asText().equals(partnerCode) && invitation.get("status").asText().equals("PENDING")) {
                return invitation.get("id").asLong();
            }
        }
        throw new AssertionError("No pending invitation of " + partnerCode + " in " + account);
    }

    /** Invited and accepted: the partner is a member of the account. */
    public void member(String manager, long accountId, String partnerCode, String partnerUser) {
        expect(accept(partnerUser, invited(manager, accountId, partnerCode)), 200);
    }

    /** {@code POST /api/configuration-invitations/{id}/acceptance}, {@code …/refusal} or {@code …/withdrawal}. */
    ResponseEntity<JsonNode> answer(String user, long invitationId, String what) {
        return exchange(user, HttpMethod.POST, "/api/configuration-invitations/" + invitationId + "/" + what, null);
    }

    ResponseEntity<JsonNode> accept(String user, long invitationId) {
        return answer(user, invitationId, "acceptance");
    }

    ResponseEntity<JsonNode> removeMember(String user, long accountId, String partnerCode) {
        return exchange(user, HttpMethod.DELETE, "/api/configuration-accounts/" + accountId + "/members/" + partnerCode, null);
    }

    /** {@code PUT} (certify) or {@code DELETE} (withdraw) {@code /api/partners/{code}/certification}. */
    public ResponseEntity<JsonNode> certification(String user, HttpMethod method, String partnerCode) {
        return exchange(user, method, "/api/partners/" + partnerCode + "/certification", null);
    }

    /** {@code POST /api/configurations/{id}/unpublication}; {@code reason} may be null (no body). */
    ResponseEntity<JsonNode> unpublish(String user, long configurationId, String reason) {
        return exchange(user, HttpMethod.POST, "/api/configurations/" + configurationId + "/unpublication",
                reason == null ? null : Map.of("reason", reason));
    }

    ResponseEntity<JsonNode> addEmployee(String user, long accountId, String name) {
        return exchange(user, HttpMethod.POST, "/api/configuration-accounts/" + accountId + "/employees", Map.of("name", name));
    }

    ResponseEntity<JsonNode> addContact(String user, long accountId, String name, String email) {
        return exchange(user, HttpMethod.POST, "/api/configuration-accounts/" + accountId + "/contacts",
                Map.of("name", name, "email", email));
    }

    // ---- configurations ----

    ResponseEntity<JsonNode> create(String user, long accountId, Object body) {
        return exchange(user, HttpMethod.POST, "/api/configuration-accounts/" + accountId + "/configurations", body);
    }

    public long created(String user, long accountId, Object body) {
        return expect(create(user, accountId, body), 201).get("id").asLong();
    }

    ResponseEntity<JsonNode> edit(String user, long configurationId, Object body) {
        return exchange(user, HttpMethod.PUT, "/api/configurations/" + configurationId, body);
    }

    /** {@code POST /api/configurations/{id}/moderation}: send, or send again after requested changes. */
    public ResponseEntity<JsonNode> send(String user, long configurationId) {
        return exchange(user, HttpMethod.POST, "/api/configurations/" + configurationId + "/moderation", null);
    }

    ResponseEntity<JsonNode> withdraw(String user, long configurationId) {
        return exchange(user, HttpMethod.DELETE, "/api/configurations/" + configurationId + "/moderation", null);
    }

    ResponseEntity<JsonNode> get(String user, String path) {
        return exchange(user, HttpMethod.GET, path, null);
    }

    JsonNode configurationAccount(String user, long accountId) {
        return expect(get(user, "/api/configuration-accounts/" + accountId), 200);
    }

    JsonNode configuration(String user, long configurationId) {
        return expect(get(user, "/api/configurations/" + configurationId), 200);
    }

    /** The ids of {@code GET /api/configurations} as the user sees them, every page. */
    List<Long> listed(String user) {
        return everyId(user, "/api/configurations?");
    }

    /** The ids of every page of a list (ADR 0044); {@code path} ends with {@code ?} or {@code &}. */
    List<Long> everyId(String user, String path) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode result = expect(get(user, path + "size=100&page=" + page), 200);
            result.get("content").forEach(item -> ids.add(item.get("id").asLong()));
            if (page + 1 >= result.get("totalPages").asInt()) {
                return ids;
            }
        }
    }

    /** The id of the configuration's latest moderation: the business key of its process instance. */
    public long moderationId(String user, long configurationId) {
        JsonNode moderation = configuration(user, configurationId).get("moderation");
        if (moderation == null || moderation.isNull()) {
            throw new AssertionError("Configuration " + configurationId + " has no moderation");
        }
        return moderation.get("id").asLong();
    }

    /** {@code GET /api/catalogue} without credentials; {@code query} like {@code "?category=SALES"} or empty. */
    ResponseEntity<JsonNode> catalogue(String query) {
        return get(null, "/api/catalogue" + query);
    }

    /** The ids listed in the public catalogue, every page. */
    List<Long> catalogued() {
        return everyId(null, "/api/catalogue?");
    }

    // ---- the process over /engine-rest ----

    /** The open tasks of a moderation as {@code user} sees them through {@code /engine-rest}, oldest first. */
    JsonNode tasks(String user, long moderationId) {
        return tasks(user, moderationId, "");
    }

    /** The same, narrowed by more query parameters such as {@code "&candidateGroup=moderators"}. */
    JsonNode tasks(String user, long moderationId, String query) {
        ResponseEntity<JsonNode> response = get(user, "/engine-rest/task?processDefinitionKey=" + ConfigurationModerationProcess.KEY
                + "&processInstanceBusinessKey=" + moderationId + query + "&maxResults=10&sortBy=created&sortOrder=asc");
        if (!response.getStatusCode().is2xxSuccessful() || !response.getBody().isArray()) {
            throw new IllegalStateException("Task query failed: " + response.getStatusCode() + " " + response.getBody());
        }
        return response.getBody();
    }

    /** The open task with the given definition key the user sees, or null. */
    JsonNode task(String user, long moderationId, String taskDefinitionKey) {
        for (JsonNode task : tasks(user, moderationId)) {
            if (task.get("taskDefinitionKey").asText().equals(taskDefinitionKey)) {
                return task;
            }
        }
        return null;
    }

    /** Waits for a task that an asynchronous step (the notification before it) creates. */
    JsonNode awaitTask(String user, long moderationId, String taskDefinitionKey, String candidateGroup) {
        return await().atMost(PATIENCE).until(() -> {
            for (JsonNode task : tasks(user, moderationId, "&candidateGroup=" + candidateGroup)) {
                if (task.get("taskDefinitionKey").asText().equals(taskDefinitionKey)) {
                    return task;
                }
            }
            return null;
        }, task -> task != null);
    }

    /** {@code GET /engine-rest/task/{id}/form-variables}: what the task's form shows. */
    JsonNode formVariables(String user, String taskId) {
        return expect(get(user, "/engine-rest/task/" + taskId + "/form-variables"), 200);
    }

    /** {@code POST /engine-rest/task/{id}/complete} with typed variables (see {@link #string}). */
    ResponseEntity<JsonNode> complete(String user, String taskId, Map<String, Object> variables) {
        return exchange(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    }

    /** The moderator's answer as the review form sends it; {@code comment} may be null. */
    public static Map<String, Object> review(ReviewDecision decision, String comment) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(ConfigurationModerationProcess.REVIEW_DECISION.name(), string(decision.name()));
        if (comment != null) {
            variables.put(ConfigurationModerationProcess.REVIEW_COMMENT.name(), string(comment));
        }
        return variables;
    }

    /** {@code POST /engine-rest/process-definition/key/configuration-moderation/start}, as a REST client starts it. */
    ResponseEntity<JsonNode> startOverEngineRest(String user, long configurationId) {
        return exchange(user, HttpMethod.POST, "/engine-rest/process-definition/key/" + ConfigurationModerationProcess.KEY + "/start",
                Map.of("variables", Map.of(ConfigurationModerationProcess.CONFIGURATION_ID.name(),
                        Map.of("value", configurationId, "type", "Long"))));
    }

    long count(String user, String path) {
        return expect(get(user, path), 200).get("count").asLong();
    }

    static Map<String, Object> string(String value) {
        return TransferApi.string(value);
    }

    static Map<String, Object> bool(boolean value) {
        return Map.of("value", value, "type", "Boolean");
    }

    // ---- plumbing ----

    ResponseEntity<JsonNode> exchange(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = TransferApi.basic(user);
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    public static JsonNode expect(ResponseEntity<JsonNode> response, int status) {
        if (response.getStatusCode().value() != status) {
            throw new AssertionError("Expected " + status + ", got " + response.getStatusCode() + " " + response.getBody());
        }
        return response.getBody();
    }

    // ---- mail ----

    public static String text(MimeMessage message) throws Exception {
        return ReceivedMail.text(message);
    }

    /** The first mail to the recipient whose subject contains the text, waiting for the notification job. */
    public static MimeMessage mailTo(GreenMail mail, String recipient, String subjectPart) {
        return await().atMost(PATIENCE).until(() -> Arrays.stream(mail.getReceivedMessages())
                .filter(message -> subject(message).contains(subjectPart) && recipient(message).equals(recipient))
                .findFirst().orElse(null), message -> message != null);
    }

    static List<MimeMessage> mailsTo(GreenMail mail, String recipient) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> recipient(message).equals(recipient)).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (Exception e) {
            return "";
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            return "";
        }
    }
}
