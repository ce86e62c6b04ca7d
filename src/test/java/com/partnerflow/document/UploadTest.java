package com.partnerflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.partnerflow.system.BusinessRuleViolation;

class UploadTest {

    @ParameterizedTest
    @ValueSource(strings = {"письмо\u0000.pdf", "письмо\r\n.pdf", "a\tb.pdf", "x\u007f.pdf", "счет\u202Efdp.exe", "a\u200Bb.pdf",
            "a\uFEFF.pdf", "a\u0085.pdf", "\uD800.pdf", "a\uDC00b.pdf"})
    void aNameWithAControlOrInvisibleCharacterIsRefused(String name) {
        assertThatThrownBy(() -> new Upload(name, new byte[] {1}))
                .isInstanceOf(BusinessRuleViolation.class).hasMessage(Upload.INVALID_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Письмо клиента (подпись).pdf", "скан №2 — 06.12.2026.PNG", "отчёт 😀.pdf", "a/b\\c.pdf", "Ω.epf"})
    void anOrdinaryNameIsKeptAsGiven(String name) {
        assertThat(new Upload(name, new byte[] {1}).fileName()).isEqualTo(name);
    }

    @org.junit.jupiter.api.Test
    void aMissingNameBecomesDocumentAndALongOneKeepsItsEnd() {
        assertThat(new Upload("  ", null).fileName()).isEqualTo("document");
        assertThat(new Upload("x".repeat(300) + ".pdf", null).fileName()).hasSize(200).endsWith(".pdf");
    }
}
