package com.partnerflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.partnerflow.partner.Partner;
import com.partnerflow.system.BusinessRuleViolation;

/** The version's own rules, without Spring: its status transitions and what an audit may decide. */
class ExtensionVersionTest {

    static final Instant NOW = Instant.parse("2026-11-20T15:30:00Z");
    static final Finding CRITICAL = new Finding(FindingCategory.SECURITY, FindingSeverity.CRITICAL, "Код из реквизита");
    static final Finding MINOR = new Finding(FindingCategory.UI_CONVENTIONS, FindingSeverity.MINOR, "Нет картинки");

    final Partner partner = new Partner("ALFA", "Альфа", false, BigDecimal.TEN, "alfa@example.test");
    final Extension extension = new Extension("Выписки", ExtensionKind.ADDITIONAL_PROCESSING, "Бухгалтерия предприятия",
            ExtensionOwner.PARTNER, null, partner, "anna", NOW);

    @Test
    void anApprovedVersionIsPublishedOnceAndFreesTheExtension() {
        ExtensionVersion version = inAudit();

        version.recordAudit(AuditDecision.APPROVE, List.of(MINOR), null, "artem", NOW);

        assertThat(version.getStatus()).isEqualTo(VersionStatus.APPROVED);
        assertThat(version.isPublished()).isFalse();
        version.publish(NOW);
        assertThat(version.isPublished()).isTrue();
        assertThat(version.getFindings()).singleElement().satisfies(finding -> {
            assertThat(finding.getRound()).isOne();
            assertThat(finding.getRecordedBy()).isEqualTo("artem");
        });
        assertThatThrownBy(() -> version.publish(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCriticalFindingForbidsApproval() {
        ExtensionVersion version = inAudit();

        assertThatThrownBy(() -> version.recordAudit(AuditDecision.APPROVE, List.of(MINOR, CRITICAL), null, "artem", NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("критическим замечанием нельзя одобрить");
        assertThat(version.getStatus()).isEqualTo(VersionStatus.IN_AUDIT);
        assertThat(version.getFindings()).isEmpty();
    }

    @Test
    void changesNeedAFindingOrACommentAndARejectionItsReason() {
        ExtensionVersion version = inAudit();

        assertThatThrownBy(() -> version.recordAudit(AuditDecision.REQUIRE_CHANGES, List.of(), null, "artem", NOW))
                .hasMessageContaining("Укажите замечания или комментарий");
        assertThatThrownBy(() -> version.recordAudit(AuditDecision.REJECT, List.of(CRITICAL), null, "artem", NOW))
                .hasMessageContaining("Укажите причину");
        version.recordAudit(AuditDecision.REQUIRE_CHANGES, List.of(), "Добавьте префикс", "artem", NOW);
        assertThat(version.getStatus()).isEqualTo(VersionStatus.CHANGES_REQUIRED);
    }

    @Test
    void aResubmittedVersionStartsANewRoundAndKeepsTheEarlierFindings() {
        ExtensionVersion version = inAudit();
        version.recordAudit(AuditDecision.REQUIRE_CHANGES, List.of(MINOR), null, "artem", NOW);

        version.resubmit(VersionNumber.parse("1.0").orElseThrow(), "Исправлено", null, "anna", NOW.plusSeconds(60));
        version.startAudit(NOW.plusSeconds(3600));

        assertThat(version.getStatus()).isEqualTo(VersionStatus.IN_AUDIT);
        assertThat(version.getAuditRound()).isEqualTo(2);
        assertThat(version.getAuditComment()).isNull();
        assertThat(version.getDecidedBy()).isNull();
        assertThat(version.getFindings()).hasSize(1);
        assertThat(version.lastRoundFindings()).isEmpty();
        version.markOverdue(NOW.plusSeconds(7200));
        version.markOverdue(NOW.plusSeconds(9000));
        assertThat(version.getAuditOverdueAt()).as("the first alert counts").isEqualTo(NOW.plusSeconds(7200));
    }

    @ParameterizedTest
    @CsvSource({"APPROVE", "REJECT"})
    void onlyAVersionSentBackMayBeResubmittedOrWithdrawn(AuditDecision decision) {
        ExtensionVersion version = inAudit();
        version.recordAudit(decision, List.of(), "Причина", "artem", NOW);

        assertThatThrownBy(version::withdraw).isInstanceOfSatisfying(BusinessRuleViolation.class,
                violation -> assertThat(violation.kind()).isEqualTo(BusinessRuleViolation.Kind.CONFLICT));
        assertThatThrownBy(() -> version.resubmit(VersionNumber.parse("1.0").orElseThrow(), "x", null, "anna", NOW))
                .isInstanceOf(BusinessRuleViolation.class);
    }

    @Test
    void aWithdrawnVersionIsFinal() {
        ExtensionVersion version = inAudit();
        version.recordAudit(AuditDecision.REQUIRE_CHANGES, List.of(MINOR), null, "artem", NOW);

        version.withdraw();

        assertThat(version.getStatus()).isEqualTo(VersionStatus.WITHDRAWN);
        assertThatThrownBy(() -> version.startAudit(NOW)).isInstanceOf(BusinessRuleViolation.class);
    }

    @Test
    void anAuditCannotBeDecidedBeforeItStarts() {
        ExtensionVersion version = submitted();

        assertThatThrownBy(() -> version.recordAudit(AuditDecision.APPROVE, List.of(), null, "artem", NOW))
                .isInstanceOf(BusinessRuleViolation.class);
    }

    @ParameterizedTest
    @CsvSource({"CONFIGURATION_EXTENSION, Банк.cfe, true", "CONFIGURATION_EXTENSION, Банк.epf, false",
            "ADDITIONAL_REPORT, Отчет.ERF, true", "ADDITIONAL_REPORT, Отчет.epf, false",
            "ADDITIONAL_PROCESSING, Обработка.epf, true", "ADDITIONAL_PROCESSING, Обработка.epf.exe, false"})
    void aFileMustEndWithTheSuffixOfItsKind(ExtensionKind kind, String fileName, boolean accepted) {
        assertThat(kind.accepts(fileName)).isEqualTo(accepted);
    }

    private ExtensionVersion submitted() {
        return new ExtensionVersion(extension, new ExtensionVersion.Submission(VersionNumber.parse("1.0").orElseThrow(),
                "3.0.150", "Первая версия", null, Distribution.ALL, List.of()), "anna", NOW);
    }

    private ExtensionVersion inAudit() {
        ExtensionVersion version = submitted();
        version.startAudit(NOW.plusSeconds(3600));
        return version;
    }
}
