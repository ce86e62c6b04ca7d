package com.partnerflow.audit;

import static com.partnerflow.audit.ExtensionApi.version;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;

/**
 * Bad submissions of extension versions are refused whole with a Russian ProblemDetail: nothing is stored,
 * no instance is left behind.
 */
class ExtensionBadInputTest extends IntegrationTest {

    static final int MIB = 1024 * 1024;

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;

    ExtensionApi api;
    Partner partner;
    String developer;
    Subscriber client;
    long extensionId;

    @BeforeEach
    void anExtension() {
        api = new ExtensionApi(http);
        partner = data.partner();
        developer = data.developer(partner);
        client = data.subscriber(partner);
        extensionId = api.registered(developer, "Выгрузка в банк");
    }

    @Test
    void refusesAFileOfTheWrongType() {
        assertRefused(() -> api.submit(developer, extensionId, version("1.0"), "выгрузка.pdf", new byte[] {1}), 422,
                "файл «выгрузка.pdf» не подходит: для вида «Дополнительная обработка» нужен файл .epf");
        assertRefused(() -> api.submit(developer, extensionId, version("1.0"), "выгрузка.cfe", new byte[] {1}), 422,
                "нужен файл .epf");
    }

    @Test
    void refusesAnEmptyOrMissingFile() {
        assertRefused(() -> api.submit(developer, extensionId, version("1.0"), "выгрузка.epf", new byte[0]), 422,
                "файл не выбран или пуст");
        assertRefused(() -> api.submit(developer, extensionId, version("1.0"), null, null), 422, "приложите файл доработки");
    }

    @Test
    void refusesAFileOverFiftyMegabytes() {
        assertRefused(() -> api.submit(developer, extensionId, version("1.0"), "big.epf", new byte[50 * MIB + 1]), 422,
                "файл доработки больше 50 МБ");
    }

    @Test
    void refusesAnUploadOverTheMultipartLimitInRussian() {
        assertRefused(() -> api.submit(developer, extensionId, version("1.0"), "huge.epf", new byte[53 * MIB]), 413,
                "не более 50 МБ");
    }

    @Test
    void refusesAVersionNotNewerThanTheLastApprovedOne() {
        long approved = api.submitted(developer, extensionId, version("1.2.0"));
        String auditor = data.user(com.partnerflow.security.Groups.AUDITORS);
        api.submitTaskForm(auditor, api.task(auditor, approved, ExtensionAuditProcess.Elements.AUDIT_VERSION).get("id").asText(),
                ExtensionApi.audit("APPROVE", Map.of(), null));

        assertRefused(() -> api.submit(developer, extensionId, version("1.1.9"), "x.epf", new byte[] {1}), 422,
                "версия 1.1.9 не новее последней одобренной версии 1.2.0");
        assertRefused(() -> api.submit(developer, extensionId, version("1.2"), "x.epf", new byte[] {1}), 422,
                "версия 1.2 не новее последней одобренной версии 1.2.0");
        assertThat(api.submit(developer, extensionId, version("1.10"), "x.epf", new byte[] {1}).getStatusCode())
                .as("1.10 is newer than 1.2.0").isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void refusesASecondVersionWhileOneIsInAudit() {
        api.submitted(developer, extensionId, version("1.0"));

        assertRefused(() -> api.submit(developer, extensionId, version("1.1"), "x.epf", new byte[] {1}), 409,
                "уже есть версия на аудите");
    }

    @Test
    void refusesABlankFieldAtTheEdge() {
        Map<String, Object> fields = version("один", client.getNumber(), "999999999991");
        fields.put("distribution", "ONE");
        fields.put("targetApplicationVersion", " ");

        ResponseEntity<JsonNode> response = api.submit(developer, extensionId, fields, "x.txt", new byte[] {1});

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("detail").asText()).contains("не заполнено поле «версия программы»");
    }

    @Test
    void theServiceListsEveryProblemOfAVersionAtOnce() {
        Map<String, Object> fields = version("один", client.getNumber(), "999999999991");
        fields.put("distribution", "ONE");

        assertRefused(() -> api.submit(developer, extensionId, fields, "x.txt", new byte[] {1}), 422,
                "номер версии должен быть вида", "для одного клиента укажите ровно один номер абонента",
                "абонент 999999999991 (получатель) не обслуживается вашей организацией", "файл «x.txt» не подходит");
    }

    @Test
    void refusesRecipientsTheDeveloperDoesNotServe() {
        Subscriber foreign = data.subscriber(data.partner());

        assertRefused(() -> api.submit(developer, extensionId, version("1.0", foreign.getNumber()), "x.epf", new byte[] {1}), 422,
                "абонент " + foreign.getNumber() + " (получатель) не обслуживается вашей организацией");
    }

    @Test
    void refusesAClientOwnedExtensionOfAClientTheDeveloperDoesNotServe() {
        Map<String, Object> body = ExtensionApi.extension("Для чужого клиента");
        body.put("owner", "CLIENT");
        body.put("ownerSubscriber", data.subscriber(data.partner()).getNumber());

        ResponseEntity<JsonNode> response = api.register(developer, body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("detail").asText()).contains("дорабатывать программы клиента может только обслуживающая его организация");
    }

    @Test
    void refusesAnUnknownKindAndMissingFieldsOfAnExtension() {
        Map<String, Object> body = ExtensionApi.extension("");
        body.put("kind", "MACRO");

        ResponseEntity<JsonNode> response = api.register(developer, body);

        assertThat(response.getStatusCode().value()).isIn(400, 422);
        assertThat(response.getBody().get("detail").asText()).matches(".*[А-Яа-я].*");
    }

    @Test
    void keepsScriptInChangeNotesAsText() {
        Map<String, Object> fields = version("1.0");
        fields.put("changeNotes", "<script>alert(1)</script>");

        long versionId = api.submitted(developer, extensionId, fields);

        assertThat(api.version(developer, versionId).get("changeNotes").asText()).isEqualTo("<script>alert(1)</script>");
    }

    private void assertRefused(Supplier<ResponseEntity<JsonNode>> call, int status, String... details) {
        long versions = rows("extension_version");
        long documents = rows("stored_document");
        long instances = rows("act_hi_procinst");

        ResponseEntity<JsonNode> response = call.get();

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getBody().get("detail").asText()).contains(details);
        assertThat(rows("extension_version")).as("no version stored").isEqualTo(versions);
        assertThat(rows("stored_document")).as("no file stored").isEqualTo(documents);
        assertThat(rows("act_hi_procinst")).as("no instance left behind").isEqualTo(instances);
    }

    private long rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
