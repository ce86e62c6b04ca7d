package com.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockPart;

class RequestFingerprintTest {

    @Test
    void aMultipartRequestIsTheSameWhateverItsBoundaryAndTheOrderOfItsFields() throws Exception {
        String first = RequestFingerprint.of(multipart("a1b2", part("reason", "Переход"), part("number", "1001"))).hash();
        String second = RequestFingerprint.of(multipart("zz99", part("number", "1001"), part("reason", "Переход"))).hash();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void anotherValueOrFileMakesAnotherRequest() throws Exception {
        String original = RequestFingerprint.of(multipart("b", part("reason", "Переход"))).hash();

        assertThat(RequestFingerprint.of(multipart("b", part("reason", "Другая"))).hash()).isNotEqualTo(original);
        assertThat(RequestFingerprint.of(multipart("b", part("reasons", "Переход"))).hash()).isNotEqualTo(original);
    }

    @Test
    void aJsonBodyCountsByteForByteAndCanStillBeReadDownstream() throws Exception {
        RequestFingerprint fingerprint = RequestFingerprint.of(json("/api/configuration-accounts", "{\"name\":\"А\"}"));

        assertThat(RequestFingerprint.of(json("/api/configuration-accounts", "{\"name\":\"А\"}")).hash()).isEqualTo(fingerprint.hash());
        assertThat(RequestFingerprint.of(json("/api/configuration-accounts", "{\"name\":\"Б\"}")).hash()).isNotEqualTo(fingerprint.hash());
        assertThat(RequestFingerprint.of(json("/api/extensions", "{\"name\":\"А\"}")).hash()).isNotEqualTo(fingerprint.hash());
        assertThat(new String(fingerprint.request().getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"А\"}");
    }

    @Test
    void aBodyOverTheLimitIsNotFingerprinted() throws Exception {
        assertThat(RequestFingerprint.of(json("/api/configuration-accounts", "x".repeat(RequestFingerprint.MAX_BODY + 1)))).isNull();
    }

    private static MockHttpServletRequest multipart(String boundary, MockPart... parts) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/transfers");
        request.setContentType("multipart/form-data; boundary=" + boundary);
        for (MockPart part : parts) {
            request.addPart(part);
        }
        return request;
    }

    private static MockPart part(String name, String value) {
        return new MockPart(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static MockHttpServletRequest json(String path, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
