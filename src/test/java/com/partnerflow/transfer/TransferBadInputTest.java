package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferApi.string;
import static com.partnerflow.transfer.TransferApi.transientFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.system.ProcessVariable;

/**
 * Every way a submission can be wrong, over HTTP: a 4xx with a Russian problem detail and no internals,
 * and nothing stored — no request, no document, no process instance, not even in the history.
 */
class TransferBadInputTest extends IntegrationTest {

    static final int MIB = 1024 * 1024;

    @Autowired TestRestTemplate http;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;

    TransferApi api;
    Partner current;
    Partner target;
    String user;
    Subscriber subscriber;

    @BeforeEach
    void subscriberOfOnePartnerWantedByAnother() {
        api = new TransferApi(http);
        current = data.partner();
        target = data.partner();
        user = data.partnerUser(target);
        subscriber = data.subscriber(current);
    }

    static Stream<Arguments> badSubmissions() {
        // the business day, as the server checks it (partnerflow.time-zone), not the JVM's UTC day
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Moscow"));
        return Stream.of(
                bad("unknown subscriber", set("subscriberNumber", "987654321098"), "letter.pdf", TransferApi.PDF,
                        422, "Запрос не принят: абонент с номером 987654321098 и наименованием"),
                bad("name not matching", set("subscriberName", "ООО «Другой клиент»"), "letter.pdf", TransferApi.PDF,
                        422, "и наименованием «ООО «Другой клиент»» не найден: проверьте номер и наименование"),
                bad("script in the name", set("subscriberName", "<script>alert(1)</script>"), "letter.pdf", TransferApi.PDF,
                        422, "наименованием «<script>alert(1)</script>» не найден"),
                bad("SQL in the name", set("subscriberName", "'; drop table subscriber; --"), "letter.pdf", TransferApi.PDF,
                        422, "наименованием «'; drop table subscriber; --» не найден"),
                bad("letter dated tomorrow", set("letterDate", today.plusDays(1).toString()), "letter.pdf", TransferApi.PDF,
                        422, "дата письма не может быть в будущем"),
                bad("letter 31 days old", set("letterDate", today.minusDays(31).toString()), "letter.pdf", TransferApi.PDF,
                        422, "письмо старше 30 дней"),
                bad("date that does not exist", set("letterDate", "2025-02-30"), "letter.pdf", TransferApi.PDF,
                        422, "дата письма должна быть датой вида ГГГГ-ММ-ДД"),
                bad("text renamed to .pdf", UnaryOperator.identity(), "letter.pdf", "Прошу перевести".getBytes(),
                        422, "письмо должно быть файлом PDF, JPEG или PNG; содержимое файла «letter.pdf» не является ни одним из них"),
                bad("11 MB PDF", UnaryOperator.identity(), "letter.pdf", pdfOfSize(11 * MIB), 422, "не более 10 МБ"),
                bad("empty file", UnaryOperator.identity(), "letter.pdf", new byte[0], 422, "файл не выбран или пуст"),
                bad("no file part", UnaryOperator.identity(), null, null, 422, "приложите скан письма клиента"),
                bad("10,000-character reason", set("reason", "а".repeat(10_000)), "letter.pdf", TransferApi.PDF,
                        422, "поле «причина перехода» длиннее 2000 символов (10000)"),
                bad("number with letters", set("subscriberNumber", "12a4"), "letter.pdf", TransferApi.PDF,
                        422, "номер абонента должен состоять только из цифр"),
                bad("date as 20.11.2025", set("letterDate", "20.11.2025"), "letter.pdf", TransferApi.PDF,
                        422, "дата письма должна быть датой вида ГГГГ-ММ-ДД"),
                bad("blank name", set("subscriberName", "   "), "letter.pdf", TransferApi.PDF,
                        422, "не заполнено поле «наименование абонента»"),
                bad("no fields at all", fields -> new HashMap<>(), "letter.pdf", TransferApi.PDF, 422,
                        "номер абонента должен состоять только из цифр"),
                bad("no partner in the letter", fields -> {
                    fields.remove(TransferProcess.REQUESTED_PARTNER_NAME.name());
                    return fields;
                }, "letter.pdf", TransferApi.PDF, 422, "Запрос не принят: не заполнено поле «название партнера в письме»."),
                bad("blank partner name", set("requestedPartnerName", "  "), "letter.pdf", TransferApi.PDF,
                        422, "не заполнено поле «название партнера в письме»"),
                bad("10,000-character partner name", set("requestedPartnerName", "б".repeat(10_000)), "letter.pdf", TransferApi.PDF,
                        422, "поле «название партнера в письме» длиннее 255 символов (10000)"),
                bad("unknown partner code", set("requestedPartnerCode", "NO-SUCH-PARTNER"), "letter.pdf", TransferApi.PDF,
                        422, "партнер с кодом «NO-SUCH-PARTNER» не найден"),
                bad("script as the partner code", set("requestedPartnerCode", "<script>"), "letter.pdf", TransferApi.PDF,
                        422, "партнер с кодом «<SCRIPT>» не найден"),
                bad("1,000-character partner code", set("requestedPartnerCode", "B".repeat(1000)), "letter.pdf", TransferApi.PDF,
                        422, "поле «код партнера в письме» длиннее 32 символов (1000)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSubmissions")
    void refusesABadSubmissionInRussianAndStoresNothing(String description, UnaryOperator<Map<String, Object>> fields,
                                                        String fileName, byte[] file, int status, String detail) {
        Map<String, Object> submission = fields.apply(new HashMap<>(TransferApi.letter(subscriber.getNumber(), subscriber.getName())));

        ResponseEntity<JsonNode> response = storingNothing(user, () -> api.submit(user, submission, fileName, file));

        assertProblem(response, status, detail);
        assertThat(partnerOfSubscriber()).isEqualTo(current.getId());
    }

    @Test
    void listsEveryMissingField() {
        ResponseEntity<JsonNode> response = storingNothing(user, () -> api.submit(user, Map.of(), null, null));

        // the same one check, the same 422 and the same words as Tasklist's form gets for it
        assertProblem(response, 422, "Запрос не принят: номер абонента должен состоять только из цифр");
        assertThat(response.getBody().get("detail").asText()).contains("не заполнено поле «наименование абонента»",
                "не заполнено поле «название партнера в письме»", "не заполнено поле «причина перехода»", "не указана дата письма",
                "приложите скан письма клиента");
    }

    /** A wrong name, an old letter and no reason are named in one answer, whichever check finds what. */
    @Test
    void namesEveryProblemOfASubmissionAtOnce() {
        Subscriber other = data.subscriber(data.partner());
        Map<String, Object> letter = new HashMap<>(TransferApi.letter(other.getNumber(), "ООО «Не та организация»"));
        letter.put("letterDate", LocalDate.now(java.time.ZoneId.of("Europe/Moscow")).minusDays(31).toString());
        letter.put("reason", " ");

        ResponseEntity<JsonNode> response = storingNothing(user, () -> api.submit(user, letter, "letter.pdf", TransferApi.PDF));

        assertProblem(response, 422, "не заполнено поле «причина перехода»");
        assertProblem(response, 422, "письмо старше 30 дней");
        assertProblem(response, 422, "наименованием «ООО «Не та организация»» не найден");
    }

    /** The letter asks for the subscriber's current partner (or any other): not the submitter's to use. */
    @Test
    void refusesALetterThatAsksForAnotherPartner() {
        Map<String, Object> letter = new HashMap<>(TransferApi.letter(subscriber.getNumber(), subscriber.getName()));
        letter.put(TransferProcess.REQUESTED_PARTNER_NAME.name(), current.getName());
        letter.put(TransferProcess.REQUESTED_PARTNER_CODE.name(), current.getCode());

        ResponseEntity<JsonNode> response = storingNothing(user, () -> api.submit(user, letter, "letter.pdf", TransferApi.PDF));

        assertProblem(response, 422, "Запрос не принят: письмо просит перевести абонента к партнеру с кодом " + current.getCode()
                + ", а не к вашей организации (код " + target.getCode() + "): по письму, адресованному другому партнеру, подать "
                + "запрос нельзя.");
    }

    @Test
    void acceptsALetterThatNamesTheSubmitterByItsCode() {
        Map<String, Object> letter = new HashMap<>(TransferApi.letter(subscriber.getNumber(), subscriber.getName()));
        letter.put(TransferProcess.REQUESTED_PARTNER_NAME.name(), target.getName());
        letter.put(TransferProcess.REQUESTED_PARTNER_CODE.name(), target.getCode().toLowerCase());

        ResponseEntity<JsonNode> response = api.submit(user, letter, "letter.pdf", TransferApi.PDF);

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().at("/requestedPartner/name").asText()).isEqualTo(target.getName());
        assertThat(response.getBody().at("/requestedPartner/code").asText()).isEqualTo(target.getCode());
    }

    @Test
    void refusesASubscriberTheSubmitterAlreadyServes() {
        Subscriber own = data.subscriber(target);

        ResponseEntity<JsonNode> response = storingNothing(user,
                () -> api.submit(user, TransferApi.letter(own.getNumber(), own.getName()), "letter.pdf", TransferApi.PDF));

        assertProblem(response, 422, "Запрос не принят: абонент " + own.getNumber() + " уже обслуживается вашей организацией.");
    }

    @Test
    void refusesASecondTransferWhileOneIsOpen() {
        Map<String, Object> letter = TransferApi.letter(subscriber.getNumber(), subscriber.getName());
        ResponseEntity<JsonNode> first = api.submit(user, letter, "letter.pdf", TransferApi.PDF);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long firstId = first.getBody().get("id").asLong();

        ResponseEntity<JsonNode> second = storingNothing(user, () -> api.submit(user, letter, "letter.pdf", TransferApi.PDF));

        assertProblem(second, 409, "По абоненту " + subscriber.getNumber() + " уже открыт запрос на перевод.");
        assertThat(jdbc.queryForList("select id from transfer_request where subscriber_id = ?", Long.class, subscriber.getId()))
                .containsExactly(firstId);
    }

    @Test
    void refusesVendorStaffWhoActForNoPartner() {
        ResponseEntity<JsonNode> response = storingNothing("vera", () -> api.submit("vera",
                TransferApi.letter(subscriber.getNumber(), subscriber.getName()), "letter.pdf", TransferApi.PDF));

        assertProblem(response, 403, "Недостаточно прав");
    }

    @Test
    void refusesAPartnersGroupMemberWhoBelongsToNoPartner() {
        String stray = data.user(Groups.PARTNERS);

        ResponseEntity<JsonNode> response = storingNothing(stray, () -> api.submit(stray,
                TransferApi.letter(subscriber.getNumber(), subscriber.getName()), "letter.pdf", TransferApi.PDF));

        assertProblem(response, 403, "пользователь " + stray + " не состоит ни в одном партнере");
    }

    @Test
    void refusesAnUploadOverTheMultipartLimitInRussian() {
        ResponseEntity<JsonNode> response = storingNothing(user, () -> api.submit(user,
                TransferApi.letter(subscriber.getNumber(), subscriber.getName()), "letter.pdf", pdfOfSize(52 * MIB + MIB / 2)));

        assertProblem(response, 413, "не более 10 МБ");
    }

    @Test
    void refusesAnUnknownSubscriberStartedThroughTheEngineRestApi() {
        assertRefusedOnEngineRestStart(TransferProcess.SUBSCRIBER_NUMBER, "987654321098",
                "Запрос не принят: абонент с номером 987654321098 и наименованием");
    }

    @Test
    void refusesALetterForAnotherPartnerStartedThroughTheEngineRestApi() {
        assertRefusedOnEngineRestStart(TransferProcess.REQUESTED_PARTNER_CODE, current.getCode(),
                "письмо просит перевести абонента к партнеру с кодом " + current.getCode() + ", а не к вашей организации");
    }

    /** Starts the process over {@code /engine-rest} as a REST client would, the test letter with one field changed: refused, nothing stored. */
    private void assertRefusedOnEngineRestStart(ProcessVariable<String> changed, String value, String message) {
        Map<String, Object> variables = new HashMap<>();
        TransferApi.letter(subscriber.getNumber(), subscriber.getName()).forEach((name, text) -> variables.put(name, string((String) text)));
        variables.put(changed.name(), string(value));
        variables.put(TransferProcess.LETTER.name(), transientFile("letter.pdf", TransferApi.PDF));
        HttpHeaders headers = TransferApi.basic(user);
        headers.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<JsonNode> response = storingNothing(user, () -> http.exchange(
                "/engine-rest/process-definition/key/" + TransferProcess.KEY + "/start", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", variables), headers), JsonNode.class));

        assertThat(response.getStatusCode()).as("status of %s", response.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().path("message").asText()).contains(message);
    }

    /** Runs one request and checks that it left no trace in the domain tables or the engine. */
    private ResponseEntity<JsonNode> storingNothing(String submitter, Supplier<ResponseEntity<JsonNode>> request) {
        Map<String, Long> before = stored(submitter);
        ResponseEntity<JsonNode> response = request.get();
        assertThat(stored(submitter)).as("stored by a refused request").isEqualTo(before);
        return response;
    }

    private Map<String, Long> stored(String submitter) {
        Map<String, Long> counts = new HashMap<>();
        for (String table : new String[] {"transfer_request", "stored_document", "document_content"}) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        counts.put("historic instances", history.createHistoricProcessInstanceQuery().processDefinitionKey(TransferProcess.KEY).count());
        counts.put("instances started by " + submitter, runtime.createProcessInstanceQuery()
                .processDefinitionKey(TransferProcess.KEY).variableValueEquals("submitter", submitter).count());
        return counts;
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, int status, String detail) {
        assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as("%s", type).isTrue());
        assertThat(response.getBody().get("detail").asText()).contains(detail);
        assertThat(response.getBody().toString())
                .doesNotContainPattern("\\b(java|jakarta|javax|org|com)\\.[a-z]+\\.")
                .doesNotContain("Exception", "\\tat ", "trace");
    }

    private Long partnerOfSubscriber() {
        return jdbc.queryForObject("select partner_id from subscriber where id = ?", Long.class, subscriber.getId());
    }

    private static Arguments bad(String description, UnaryOperator<Map<String, Object>> fields, String fileName, byte[] file,
                                 int status, String detail) {
        return Arguments.of(description, fields, fileName, file, status, detail);
    }

    private static UnaryOperator<Map<String, Object>> set(String field, String value) {
        return fields -> {
            fields.put(field, value);
            return fields;
        };
    }

    private static byte[] pdfOfSize(int size) {
        byte[] content = Arrays.copyOf(TransferApi.PDF, size);
        Arrays.fill(content, TransferApi.PDF.length, size, (byte) ' ');
        return content;
    }
}
