package com.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.audit.ExtensionApi;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;

/**
 * The request pages for people ({@code /requests/...}, ADR 0038): Russian HTML with the request, its history and its
 * tasks, dates as дд.мм.гггг ЧЧ:мм Moscow time, shown to exactly those the API's GET shows the request to; anyone else
 * reads «не найден» with a 404, and a visitor without a login is sent to Tasklist.
 */
class RequestPagesTest extends IntegrationTest {

    /** A date and time as the pages write them. */
    private static final Pattern DATE_TIME = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}");

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;

    @Test
    void aTransferPageShowsBothPartnersTheHistoryAndTheTasksToThoseInvolvedOnly() {
        Partner current = data.partner();
        Partner requesting = data.partner();
        Subscriber subscriber = data.subscriber(current);
        String submitter = data.partnerUser(requesting);
        String currentUser = data.partnerUser(current);
        TransferApi api = new TransferApi(http);
        long transferId = api.awaitingAgreement(submitter, subscriber.getNumber(), subscriber.getName());
        String path = "/requests/transfers/" + transferId;

        for (String reader : List.of(submitter, currentUser, data.user(Groups.VENDOR_STAFF))) {
            ResponseEntity<String> page = page(reader, path);
            assertThat(page.getStatusCode()).as("%s reads %s", reader, path).isEqualTo(HttpStatus.OK);
            assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
            assertThat(page.getBody()).contains("Запрос на перевод № " + transferId)
                    .contains("Ждет согласия текущего партнера")
                    .contains(current.getName() + ", код " + current.getCode())
                    .contains(requesting.getName() + ", код " + requesting.getCode())
                    .contains(DateTimeFormatter.ofPattern("dd.MM.yyyy").format(LocalDate.now().minusDays(1)))
                    .contains("Запрос подан").contains("Письмо проверено, запрос направлен текущему партнеру")
                    .contains("Проверить письмо клиента").contains("Согласовать перевод абонента")
                    .contains("/api/transfers/" + transferId + "/letter");
            assertThat(DATE_TIME.matcher(page.getBody()).find()).as("a date and time дд.мм.гггг ЧЧ:мм").isTrue();
        }
        assertThat(page(submitter, path).getBody()).as("the API's view of the same request")
                .contains(api.get(submitter, "/api/transfers/" + transferId).getBody().path("reason").asText());

        String stranger = data.partnerUser(data.partner());
        assertThat(api.get(stranger, "/api/transfers/" + transferId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> refused = page(stranger, path);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused.getBody()).contains("Запрос не найден").contains("Запрос на перевод № " + transferId + " не найден.")
                .doesNotContain(subscriber.getName());
        assertThat(page(data.clientUser(data.subscriber(current)), path).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page(submitter, "/requests/transfers/" + Long.MAX_VALUE).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page(submitter, "/requests/transfers/abc").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aVersionPageShowsItsAuditToTheDevelopersPartnerAndTheAuditorsOnly() {
        Partner partner = data.partner();
        String developer = data.developer(partner);
        Subscriber subscriber = data.subscriber(partner);
        String auditor = data.user(Groups.AUDITORS);
        ExtensionApi api = new ExtensionApi(http);
        long versionId = api.submitted(developer, api.registered(developer, "Печать накладных " + partner.getCode()),
                ExtensionApi.version("2.0", subscriber.getNumber()));
        api.submitTaskForm(auditor, api.task(auditor, versionId, com.partnerflow.audit.ExtensionAuditProcess.Elements.AUDIT_VERSION)
                .get("id").asText(), ExtensionApi.audit("REQUIRE_CHANGES", Map.of("performance", new String[] {"MAJOR", "Запрос в цикле"}),
                "Исправьте до публикации"));
        String path = "/requests/extension-versions/" + versionId;

        for (String reader : List.of(developer, data.partnerUser(partner), auditor)) {
            ResponseEntity<String> page = page(reader, path);
            assertThat(page.getStatusCode()).as("%s reads %s", reader, path).isEqualTo(HttpStatus.OK);
            assertThat(page.getBody()).contains("Версия доработки № " + versionId + ": «Печать накладных " + partner.getCode() + "» 2.0")
                    .contains("Возвращена разработчику на исправление")
                    .contains("Раунд 1: замечание «Производительность» (существенное)").contains("Запрос в цикле")
                    .contains("Исправьте до публикации").contains("Провести аудит версии доработки");
        }
        ResponseEntity<String> refused = page(data.partnerUser(data.partner()), path);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused.getBody()).contains("Запрос не найден").doesNotContain("Печать накладных");
    }

    @Test
    void withoutALoginAPageSendsThePersonToTasklist() {
        ResponseEntity<String> anonymous = http.withRedirects(Redirects.DONT_FOLLOW).exchange("/requests/transfers/1", HttpMethod.GET,
                new HttpEntity<>(html(null)), String.class);

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(anonymous.getHeaders().getLocation().getPath()).isEqualTo("/camunda/app/tasklist/");
    }

    private ResponseEntity<String> page(String user, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(html(user)), String.class);
    }

    private static HttpHeaders html(String user) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, user);
        }
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        return headers;
    }
}
