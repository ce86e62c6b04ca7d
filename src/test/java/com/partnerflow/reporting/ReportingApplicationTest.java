package com.partnerflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.util.ReflectionTestUtils;

import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.MultiUserTier;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.SubscriberStatus;

/** The life cycle of a reporting-extension application without Spring or the engine: every transition and guard. */
class ReportingApplicationTest {

    static final Instant SUBMITTED = Instant.parse("2025-03-03T09:00:00Z");
    static final Instant DECIDED = Instant.parse("2025-03-04T10:00:00Z");

    static final List<PlannedUser> USERS = List.of(new PlannedUser("Иванов Иван Иванович", "ivanov@romashka.ru"),
            new PlannedUser("Петрова Анна Сергеевна", "petrova@romashka.ru"),
            new PlannedUser("Сидоров Петр Петрович", "sidorov@romashka.ru"));

    final Partner alfa = partner("ALFA", 1L);
    final Subscriber subscriber = subscriber(alfa);

    @Test
    void aNewApplicationIsSubmittedAndHoldsTheOpenSlotOfItsSubscriber() {
        ReportingApplication application = application(true);

        assertThat(application.getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(openSlot(application)).isSameAs(subscriber);
        assertThat(application.getSubscriber()).isSameAs(subscriber);
        assertThat(application.getOrganizationName()).isEqualTo("ООО «Ромашка»");
        assertThat(application.getInn()).isEqualTo("7707083893");
        assertThat(application.getKpp()).isEqualTo("770701001");
        assertThat(application.isRequestedMultiUser()).isTrue();
        assertThat(application.getRequestedTier()).isNull();
        assertThat(application.getMultiUserMode()).as("undecided").isNull();
        assertThat(application.getTier()).isNull();
        assertThat(application.getUsers()).isEqualTo(USERS);
        assertThat(application.getSignatureOwner()).isEqualTo("Иванов Иван Иванович");
        assertThat(application.getSignatureRoles()).containsExactlyInAnyOrder(SignatureRole.SIGN, SignatureRole.ADMINISTER);
        assertThat(application.getSubmittedBy()).isEqualTo("client-anna");
        assertThat(application.getSubmittedAt()).isEqualTo(SUBMITTED);
        assertThat(application.getDecidedBy()).isNull();
        assertThat(application.getDecidedByPartner()).isNull();
        assertThat(application.getDecidedAt()).isNull();
        assertThat(application.getRejectionReason()).isNull();
    }

    @Test
    void theRequestCannotBeChangedThroughItsGettersNorThroughTheListsItWasBuiltFrom() {
        List<PlannedUser> users = new ArrayList<>(USERS);
        EnumSet<SignatureRole> roles = EnumSet.of(SignatureRole.SIGN);
        ReportingApplication application = new ReportingApplication(subscriber, organization(), true, users,
                "Иванов Иван Иванович", roles, "client-anna", SUBMITTED);

        users.clear();
        roles.add(SignatureRole.ENCRYPT);

        assertThat(application.getUsers()).isEqualTo(USERS);
        assertThat(application.getSignatureRoles()).containsExactly(SignatureRole.SIGN);
        assertThatThrownBy(() -> application.getUsers().add(USERS.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> application.getSignatureRoles().add(SignatureRole.ENCRYPT))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @EnumSource(value = TierRule.class, names = {"TWO_TO_NINE", "TEN_OR_MORE"})
    void recordsTheRequestedTierOfAMultiUserRequest(TierRule rule) {
        ReportingApplication application = application(true);

        application.requestTier(rule);

        assertThat(application.getRequestedTier()).isEqualTo(rule.tier()).isNotNull();
        assertThat(application.getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    void recordsNoTierForASingleUserRequest() {
        ReportingApplication application = application(false);

        application.requestTier(TierRule.NONE);

        assertThat(application.getRequestedTier()).isNull();
        assertThat(application.getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    void refusesTooFewUsersWhateverTheRequest() {
        for (boolean multiUser : new boolean[] {true, false}) {
            ReportingApplication application = application(multiUser);
            assertThatIllegalStateException().isThrownBy(() -> application.requestTier(TierRule.TOO_FEW_USERS))
                    .withMessageContaining("TOO_FEW_USERS");
            assertThat(application.getRequestedTier()).isNull();
        }
    }

    @Test
    void refusesATierRuleThatDoesNotFitTheRequest() {
        ReportingApplication multiUser = application(true);
        assertThatIllegalStateException().isThrownBy(() -> multiUser.requestTier(TierRule.NONE))
                .withMessageContaining("does not fit the request");

        ReportingApplication singleUser = application(false);
        for (TierRule rule : List.of(TierRule.TWO_TO_NINE, TierRule.TEN_OR_MORE)) {
            assertThatIllegalStateException().isThrownBy(() -> singleUser.requestTier(rule))
                    .withMessageContaining("does not fit the request");
            assertThat(singleUser.getRequestedTier()).isNull();
        }
    }

    @Test
    void recordsTheRequestedTierOnlyOnce() {
        ReportingApplication application = application(true);
        application.requestTier(TierRule.TWO_TO_NINE);

        assertThatIllegalStateException().isThrownBy(() -> application.requestTier(TierRule.TEN_OR_MORE))
                .withMessageContaining("already");
        assertThatIllegalStateException().isThrownBy(() -> application.requestTier(TierRule.TWO_TO_NINE))
                .withMessageContaining("already");
        assertThat(application.getRequestedTier()).isEqualTo(MultiUserTier.TWO_TO_NINE);
    }

    @Test
    void recordsTheRequestedTierOnlyWhileSubmitted() {
        ReportingApplication approved = application(true);
        approved.decide(ApplicationDecision.APPROVE, true, MultiUserTier.TWO_TO_NINE, null, alfa, "petr", DECIDED);
        assertThatIllegalStateException().isThrownBy(() -> approved.requestTier(TierRule.TWO_TO_NINE))
                .withMessageContaining("is APPROVED, expected SUBMITTED");

        ReportingApplication rejected = application(false);
        rejected.decide(ApplicationDecision.REJECT, false, null, "Нет договора", alfa, "petr", DECIDED);
        assertThatIllegalStateException().isThrownBy(() -> rejected.requestTier(TierRule.NONE))
                .withMessageContaining("is REJECTED, expected SUBMITTED");
    }

    @Test
    void approvingWithTheModeOnTakesThePartnersTierAndKeepsTheApplicationOpenUntilEnabled() {
        ReportingApplication application = requested(TierRule.TWO_TO_NINE);

        application.decide(ApplicationDecision.APPROVE, true, MultiUserTier.TEN_OR_MORE, null, alfa, "petr", DECIDED);

        assertThat(application.getStatus()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(application.getMultiUserMode()).isTrue();
        assertThat(application.getTier()).as("the partner's choice").isEqualTo(MultiUserTier.TEN_OR_MORE);
        assertThat(application.getRequestedTier()).as("the client's request never changes").isEqualTo(MultiUserTier.TWO_TO_NINE);
        assertThat(application.getUsers()).isEqualTo(USERS);
        assertThat(application.getDecidedBy()).isEqualTo("petr");
        assertThat(application.getDecidedByPartner()).isSameAs(alfa);
        assertThat(application.getDecidedAt()).isEqualTo(DECIDED);
        assertThat(application.getRejectionReason()).isNull();
        assertThat(openSlot(application)).as("still open until the product is enabled").isSameAs(subscriber);
    }

    /** Found by a session (issue 20): a partner switched the mode on for a single-user application and charged «10 и более». */
    @Test
    void approvingWithTheModeOnNeedsTwoPlannedUsersWhoeverDecides() {
        ReportingApplication application = new ReportingApplication(subscriber, organization(), false, USERS.subList(0, 1),
                "Иванов Иван Иванович", EnumSet.of(SignatureRole.SIGN), "client-anna", SUBMITTED);
        application.requestTier(TierRule.NONE);

        assertThatIllegalArgumentException().isThrownBy(() ->
                application.decide(ApplicationDecision.APPROVE, true, MultiUserTier.TEN_OR_MORE, null, alfa, "petr", DECIDED))
                .withMessageContaining("at least two planned users");

        assertThat(application.getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
        application.decide(ApplicationDecision.APPROVE, false, null, null, alfa, "petr", DECIDED);
        assertThat(application.getStatus()).as("without the mode it may be approved").isEqualTo(ApplicationStatus.APPROVED);
    }

    @Test
    void approvingWithTheModeOnNeedsATier() {
        ReportingApplication application = requested(TierRule.TWO_TO_NINE);

        assertThatIllegalArgumentException().isThrownBy(() ->
                application.decide(ApplicationDecision.APPROVE, true, null, null, alfa, "petr", DECIDED))
                .withMessage("Multi-user mode needs a tier");

        assertThat(application.getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(application.getMultiUserMode()).isNull();
        assertThat(application.getDecidedBy()).isNull();
        assertThat(openSlot(application)).isSameAs(subscriber);
    }

    @ParameterizedTest
    @EnumSource(MultiUserTier.class)
    void approvingWithTheModeOffClearsAnyTier(MultiUserTier tierLeftInTheForm) {
        ReportingApplication application = requested(TierRule.TWO_TO_NINE);

        application.decide(ApplicationDecision.APPROVE, false, tierLeftInTheForm, null, alfa, "petr", DECIDED);

        assertThat(application.getStatus()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(application.getMultiUserMode()).isFalse();
        assertThat(application.getTier()).isNull();
        assertThat(application.getRequestedTier()).isEqualTo(MultiUserTier.TWO_TO_NINE);
    }

    @Test
    void thePartnerMaySwitchTheModeOnForASingleUserRequest() {
        ReportingApplication application = requested(TierRule.NONE);

        application.decide(ApplicationDecision.APPROVE, true, MultiUserTier.TWO_TO_NINE, null, alfa, "petr", DECIDED);

        assertThat(application.getMultiUserMode()).isTrue();
        assertThat(application.getTier()).isEqualTo(MultiUserTier.TWO_TO_NINE);
        assertThat(application.isRequestedMultiUser()).isFalse();
    }

    @Test
    void rejectingRecordsTheReasonAndFreesTheOpenSlot() {
        ReportingApplication application = requested(TierRule.TWO_TO_NINE);

        application.decide(ApplicationDecision.REJECT, true, MultiUserTier.TWO_TO_NINE, "Клиент не подписал договор",
                alfa, "petr", DECIDED);

        assertThat(application.getStatus()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(application.getRejectionReason()).isEqualTo("Клиент не подписал договор");
        assertThat(application.getMultiUserMode()).as("nothing is enabled").isNull();
        assertThat(application.getTier()).isNull();
        assertThat(application.getDecidedBy()).isEqualTo("petr");
        assertThat(application.getDecidedByPartner()).isSameAs(alfa);
        assertThat(application.getDecidedAt()).isEqualTo(DECIDED);
        assertThat(openSlot(application)).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void rejectingNeedsAReason(String reason) {
        ReportingApplication application = requested(TierRule.TWO_TO_NINE);

        assertThatIllegalArgumentException().isThrownBy(() ->
                application.decide(ApplicationDecision.REJECT, false, null, reason, alfa, "petr", DECIDED))
                .withMessage("A rejection needs a reason");

        assertThat(application.getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(application.getRejectionReason()).isNull();
        assertThat(application.getDecidedBy()).isNull();
        assertThat(openSlot(application)).isSameAs(subscriber);
    }

    @Test
    void aMissingDecisionIsNeitherAnApprovalNorARejection() {
        ReportingApplication application = requested(TierRule.TWO_TO_NINE);

        assertThatIllegalArgumentException().isThrownBy(() ->
                application.decide(null, false, null, "Какая-то причина", alfa, "petr", DECIDED));

        assertThat(application.getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(application.getRejectionReason()).isNull();
        assertThat(openSlot(application)).isSameAs(subscriber);
    }

    @Test
    void anApplicationIsDecidedOnlyOnce() {
        ReportingApplication approved = requested(TierRule.TWO_TO_NINE);
        approved.decide(ApplicationDecision.APPROVE, true, MultiUserTier.TWO_TO_NINE, null, alfa, "petr", DECIDED);
        assertThatIllegalStateException().isThrownBy(() ->
                approved.decide(ApplicationDecision.REJECT, false, null, "Передумали", alfa, "olga", DECIDED))
                .withMessageContaining("is APPROVED, expected SUBMITTED");
        assertThat(approved.getStatus()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(approved.getDecidedBy()).isEqualTo("petr");
        assertThat(approved.getRejectionReason()).isNull();

        ReportingApplication rejected = requested(TierRule.TWO_TO_NINE);
        rejected.decide(ApplicationDecision.REJECT, false, null, "Нет договора", alfa, "petr", DECIDED);
        assertThatIllegalStateException().isThrownBy(() ->
                rejected.decide(ApplicationDecision.APPROVE, true, MultiUserTier.TWO_TO_NINE, null, alfa, "olga", DECIDED))
                .withMessageContaining("is REJECTED, expected SUBMITTED");
        assertThat(rejected.getStatus()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(rejected.getMultiUserMode()).isNull();
    }

    @Test
    void enablingAnApprovedApplicationFreesTheOpenSlot() {
        ReportingApplication application = requested(TierRule.TWO_TO_NINE);
        application.decide(ApplicationDecision.APPROVE, true, MultiUserTier.TWO_TO_NINE, null, alfa, "petr", DECIDED);

        application.markEnabled();

        assertThat(application.getStatus()).isEqualTo(ApplicationStatus.ENABLED);
        assertThat(application.getTier()).isEqualTo(MultiUserTier.TWO_TO_NINE);
        assertThat(openSlot(application)).isNull();
    }

    @Test
    void enablesOnlyAnApprovedApplicationAndOnlyOnce() {
        ReportingApplication submitted = requested(TierRule.TWO_TO_NINE);
        assertThatIllegalStateException().isThrownBy(submitted::markEnabled)
                .withMessageContaining("is SUBMITTED, expected APPROVED");
        assertThat(submitted.getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(openSlot(submitted)).isSameAs(subscriber);

        ReportingApplication rejected = requested(TierRule.TWO_TO_NINE);
        rejected.decide(ApplicationDecision.REJECT, false, null, "Нет договора", alfa, "petr", DECIDED);
        assertThatIllegalStateException().isThrownBy(rejected::markEnabled)
                .withMessageContaining("is REJECTED, expected APPROVED");
        assertThat(rejected.getStatus()).isEqualTo(ApplicationStatus.REJECTED);

        ReportingApplication enabled = requested(TierRule.TWO_TO_NINE);
        enabled.decide(ApplicationDecision.APPROVE, false, null, null, alfa, "petr", DECIDED);
        enabled.markEnabled();
        assertThatIllegalStateException().isThrownBy(enabled::markEnabled)
                .withMessageContaining("is ENABLED, expected APPROVED");
        assertThat(enabled.getStatus()).isEqualTo(ApplicationStatus.ENABLED);
    }

    @Test
    void errorsNameTheApplication() {
        ReportingApplication application = requested(TierRule.TWO_TO_NINE);
        ReflectionTestUtils.setField(application, "id", 42L);

        assertThatIllegalStateException().isThrownBy(application::markEnabled).withMessageStartingWith("Application 42 ");
    }

    private ReportingApplication requested(TierRule rule) {
        ReportingApplication application = application(rule != TierRule.NONE);
        application.requestTier(rule);
        return application;
    }

    private ReportingApplication application(boolean multiUser) {
        return new ReportingApplication(subscriber, organization(), multiUser, USERS, "Иванов Иван Иванович",
                EnumSet.of(SignatureRole.SIGN, SignatureRole.ADMINISTER), "client-anna", SUBMITTED);
    }

    private static ReportingApplication.Organization organization() {
        return new ReportingApplication.Organization("ООО «Ромашка»", "7707083893", "770701001");
    }

    private static Object openSlot(ReportingApplication application) {
        return ReflectionTestUtils.getField(application, "openSubscriber");
    }

    private static Subscriber subscriber(Partner partner) {
        Subscriber subscriber = new Subscriber("1001", "ООО «Ромашка»", "7707083893", SubscriberStatus.ACTIVE, partner,
                Instant.parse("2024-01-01T00:00:00Z"));
        ReflectionTestUtils.setField(subscriber, "id", 10L);
        return subscriber;
    }

    private static Partner partner(String code, long id) {
        Partner partner = new Partner(code, "Партнер " + code, false, BigDecimal.TEN, code.toLowerCase() + "@partners.test");
        ReflectionTestUtils.setField(partner, "id", id);
        return partner;
    }
}
