package com.partnerflow.audit;

import static com.partnerflow.audit.ExtensionApi.audit;
import static com.partnerflow.audit.ExtensionApi.version;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.ApiLists;
import com.partnerflow.PostgresIntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.DataArea;
import com.partnerflow.subscriber.Subscriber;

/**
 * The extension audit on PostgreSQL: a developer submits a version with its file, the auditor approves it with a
 * finding (due date from the working-days calendar), access is granted to the recipient, the partner and the client
 * are mailed, and the client installs the version into its data area through the installation process.
 */
class ExtensionAuditOnPostgresTest extends PostgresIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;

    @Test
    void anAuditedVersionIsPublishedAndInstalledByTheClient() {
        ExtensionApi api = new ExtensionApi(http);
        Partner partner = data.partner();
        String developer = data.developer(partner);
        String auditor = data.user(Groups.AUDITORS);
        Subscriber client = data.subscriber(partner);
        String clientUser = data.clientUser(client);

        long extensionId = api.registered(developer, "Загрузка выписок");
        ResponseEntity<JsonNode> created = api.submit(developer, extensionId, version("1.0.0", client.getNumber()),
                "Выписки.epf", new byte[] {1, 2, 3, 4});
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        long versionId = created.getBody().get("id").asLong();
        assertThat(created.getBody().get("auditDueAt").isNull()).isFalse();

        JsonNode task = api.task(auditor, versionId, ExtensionAuditProcess.Elements.AUDIT_VERSION);
        ResponseEntity<JsonNode> audited = api.submitTaskForm(auditor, task.get("id").asText(),
                audit("APPROVE", Map.of("ui", new String[] {"MINOR", "Команда без картинки"}), null));

        assertThat(audited.getStatusCode()).as("%s", audited.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode approved = api.version(developer, versionId);
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("findings")).singleElement()
                .satisfies(finding -> assertThat(finding.get("category").asText()).isEqualTo("UI_CONVENTIONS"));
        ApiLists lists = new ApiLists(http);
        String installable = "/api/subscribers/" + client.getNumber() + "/extensions";
        assertThat(lists.page(clientUser, installable).at("/content/0/versionId").asLong()).isEqualTo(versionId);
        assertThat(lists.page(clientUser, installable + "?kind=ADDITIONAL_PROCESSING&owner=PARTNER&search=ВЫПИС_&sort=-published")
                .get("content")).as("_ is text").isEmpty();
        assertThat(lists.page(clientUser, installable + "?search=выпис&sort=published").get("totalElements").asLong()).isEqualTo(1);
        String grants = "/api/extension-versions/" + versionId + "/grants";
        assertThat(lists.page(developer, grants).get("totalElements").asLong()).isEqualTo(1);
        assertThat(lists.page(developer, grants + "?subscriber=" + client.getNumber() + "&allClients=false&sort=-granted")
                .get("totalElements").asLong()).isEqualTo(1);
        assertThat(lists.page(developer, grants + "?allClients=true").get("content")).isEmpty();
        assertThat(lists.page(developer, "/api/developer-authorizations?status=ACTIVE&developer=" + developer
                + "&partner=" + partner.getCode() + "&updatedSince=2020-01-01T00:00:00Z&sort=requested").get("totalElements").asLong())
                .isEqualTo(1);
        assertThat(lists.page(developer, "/api/developer-authorizations").get("totalElements").asLong()).isEqualTo(1);

        DataArea accounting = data.dataArea(client, ExtensionApi.ACCOUNTING);
        ResponseEntity<JsonNode> installed = api.install(clientUser, client.getNumber(), accounting.getId(), versionId);
        assertThat(installed.getStatusCode()).as("%s", installed.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(api.install(clientUser, client.getNumber(), accounting.getId(), versionId).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.get(clientUser, "/api/subscribers/" + client.getNumber() + "/data-areas").getBody().get(0)
                .get("installations")).singleElement()
                .satisfies(installation -> assertThat(installation.get("versionId").asLong()).isEqualTo(versionId));
        assertThat(mailTo(partner.getEmail(), "прошла аудит")).isNotNull();
        assertThat(mailTo(clientUser + "@users.test", "прошла аудит")).isNotNull();
    }
}
