package com.partnerflow.moderation;

import static com.partnerflow.moderation.ConfigurationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.IntStream;

import jakarta.persistence.JoinColumn;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.partnerflow.partner.Partner;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.BusinessRuleViolation.Kind;

/**
 * An account of type «Партнерская конфигурация» (seed 000): its limits, its invitations and the visibility rules
 * of the configurations made in it.
 */
class ConfigurationAccountTest {

    /** Manages account A. */
    final Partner alfa = partner(1, "ALFA");
    /** Invited to accounts A and B. */
    final Partner beta = partner(2, "BETA");
    /** Invited to account A. */
    final Partner gamma = partner(3, "GAMMA");
    /** Manages account B. */
    final Partner omega = partner(4, "OMEGA");
    /** In no account. */
    final Partner outsider = partner(5, "DELTA");

    final ConfigurationAccount accountA = account(10, alfa, beta, gamma);
    final ConfigurationAccount accountB = account(20, omega, beta);

    private long nextConfigurationId = 100;

    // ---- special employees and the contact with access

    @Test
    void tenSpecialEmployeesFitAndTheEleventhIsRefused() {
        addEmployees(10);

        BusinessRuleViolation refusal = refused(() -> accountA.addEmployee("Сотрудник 11", NOW), Kind.INVALID);

        assertThat(refusal).hasMessage("В аккаунте типа «Партнерская конфигурация» может быть не более 10 сотрудников "
                + "специального типа. Удалите одного из них, чтобы добавить нового.");
        assertThat(accountA.getEmployees()).hasSize(10).noneMatch(employee -> employee.getName().equals("Сотрудник 11"));
    }

    @Test
    void anEmployeeNeedsOnlyANameButNotTheSameNameTwice() {
        accountA.addEmployee("  Менеджер по продажам ", NOW);

        refused(() -> accountA.addEmployee("менеджер ПО ПРОДАЖАМ", NOW), Kind.CONFLICT);

        assertThat(accountA.getEmployees()).singleElement().satisfies(employee -> {
            assertThat(employee.getName()).isEqualTo("Менеджер по продажам");
            assertThat(employee.getAddedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void anEmployeeWithoutANameOrWithAnOverlongOneIsRefused() {
        refused(() -> accountA.addEmployee("  ", NOW), Kind.INVALID);
        refused(() -> accountA.addEmployee("И".repeat(101), NOW), Kind.INVALID);

        assertThat(accountA.getEmployees()).isEmpty();
    }

    @Test
    void removingAnEmployeeMakesRoomForANewOne() {
        addEmployees(10);

        accountA.removeEmployee("сотрудник 3");
        accountA.addEmployee("Бухгалтер", NOW);

        assertThat(accountA.getEmployees()).hasSize(10).extracting(SpecialEmployee::getName)
                .contains("Бухгалтер").doesNotContain("Сотрудник 3");
        refused(() -> accountA.removeEmployee("Сотрудник 3"), Kind.NOT_FOUND);
    }

    @Test
    void oneContactWithAccessFitsAndASecondIsRefused() {
        accountA.addContact("Отладчик", "Debug@Alfa.example.ru");

        BusinessRuleViolation refusal = refused(() -> accountA.addContact("Второй", "second@alfa.example.ru"), Kind.INVALID);

        assertThat(refusal).hasMessageContaining("может быть только 1 контакт с доступом, и он уже есть: Отладчик");
        assertThat(accountA.getContactName()).isEqualTo("Отладчик");
        assertThat(accountA.getContactEmail()).isEqualTo("debug@alfa.example.ru");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "debug", "debug@", "debug@alfa", "@alfa.example.ru", "de bug@alfa.example.ru", "a@b@alfa.example.ru"})
    void aContactWithAnInvalidEmailIsRefused(String email) {
        BusinessRuleViolation refusal = refused(() -> accountA.addContact("Отладчик", email), Kind.INVALID);

        assertThat(refusal).hasMessageContaining("укажите e-mail контакта в виде name@example.ru");
        assertThat(accountA.getContactEmail()).isNull();
    }

    @Test
    void removingTheContactLetsANewOneIn() {
        accountA.addContact("Отладчик", "debug@alfa.example.ru");

        accountA.removeContact();
        accountA.addContact("Тестировщик", "qa@alfa.example.ru");

        assertThat(accountA.getContactName()).isEqualTo("Тестировщик");
        assertThat(accountA.getContactEmail()).isEqualTo("qa@alfa.example.ru");
        accountA.removeContact();
        refused(accountA::removeContact, Kind.NOT_FOUND);
    }

    // ---- invitations: invited → accepted (a member) / declined / withdrawn; a member → removed

    @Test
    void membersWorkInTheAccountOthersDoNot() {
        assertThat(accountA.isManagedBy(alfa)).isTrue();
        assertThat(accountA.admits(alfa)).isTrue();
        assertThat(accountA.hasMember(beta)).isTrue();
        assertThat(accountA.admits(gamma)).isTrue();
        assertThat(accountA.admits(omega)).isFalse();
        assertThat(accountA.admits(outsider)).isFalse();
        assertThat(accountA.getMembers()).extracting(Invitation::getPartner).containsExactly(beta, gamma);
    }

    @Test
    void anInvitedPartnerIsNotAMemberUntilItAccepts() {
        Invitation invitation = invite(accountA, outsider);

        assertThat(invitation.getStatus()).isEqualTo(InvitationStatus.PENDING);
        assertThat(invitation.getInvitedBy()).isEqualTo("user-ALFA");
        assertThat(accountA.admits(outsider)).as("invited, not yet a member").isFalse();
        assertThat(accountA.getMembers()).extracting(Invitation::getPartner).doesNotContain(outsider);
        refused(() -> configurationIn(accountA, outsider), Kind.FORBIDDEN);

        accountA.accept(invitation, outsider, "user-DELTA", NOW.plusSeconds(60));

        assertThat(invitation.getStatus()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(invitation.getAnsweredBy()).isEqualTo("user-DELTA");
        assertThat(invitation.getAnsweredAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(accountA.admits(outsider)).isTrue();
        assertThat(configurationIn(accountA, outsider).getCreator()).isSameAs(outsider);
    }

    @Test
    void anInvitedPartnerDeclinesAndMayBeInvitedAgain() {
        Invitation invitation = invite(accountA, outsider);

        accountA.decline(invitation, outsider, "user-DELTA", NOW);

        assertThat(invitation.getStatus()).isEqualTo(InvitationStatus.DECLINED);
        assertThat(accountA.admits(outsider)).isFalse();
        assertThat(refused(() -> accountA.accept(invitation, outsider, "user-DELTA", NOW), Kind.CONFLICT))
                .hasMessage("Приглашение нельзя принять: оно уже не ждет ответа (сейчас — «Приглашение отклонено»).");
        Invitation again = invite(accountA, outsider);
        assertThat(again.getStatus()).isEqualTo(InvitationStatus.PENDING);
        assertThat(accountA.getInvitations()).contains(invitation, again);
    }

    @Test
    void onlyTheInvitedPartnerAnswersItsInvitation() {
        Invitation invitation = invite(accountA, outsider);

        for (Partner other : new Partner[] {alfa, beta, omega}) {
            assertThat(refused(() -> accountA.accept(invitation, other, "user-" + other.getCode(), NOW), Kind.FORBIDDEN))
                    .hasMessageContaining("только приглашенный партнер — Партнер DELTA");
            refused(() -> accountA.decline(invitation, other, "user-" + other.getCode(), NOW), Kind.FORBIDDEN);
        }
        assertThat(invitation.getStatus()).isEqualTo(InvitationStatus.PENDING);
    }

    @Test
    void anInvitationIsSeenByItsManagerAndItsPartnerOnly() {
        Invitation invitation = invite(accountA, outsider);

        assertThat(accountA.invitation(invitation.getId(), alfa)).isSameAs(invitation);
        assertThat(accountA.invitation(invitation.getId(), outsider)).isSameAs(invitation);
        for (Partner other : new Partner[] {beta, gamma, omega}) {
            assertThat(refused(() -> accountA.invitation(invitation.getId(), other), Kind.NOT_FOUND))
                    .as("%s", other).hasMessage("Приглашение № " + invitation.getId() + " не найдено.");
        }
        refused(() -> accountA.invitation(999, alfa), Kind.NOT_FOUND);
    }

    @Test
    void theManagerWithdrawsAnInvitationNotAnsweredYet() {
        Invitation invitation = invite(accountA, outsider);

        refused(() -> accountA.withdraw(invitation, outsider, "user-DELTA", NOW), Kind.FORBIDDEN);
        accountA.withdraw(invitation, alfa, "user-ALFA", NOW.plusSeconds(60));

        assertThat(invitation.getStatus()).isEqualTo(InvitationStatus.WITHDRAWN);
        assertThat(invitation.getEndedBy()).isEqualTo("user-ALFA");
        assertThat(invitation.getEndedAt()).isEqualTo(NOW.plusSeconds(60));
        refused(() -> accountA.accept(invitation, outsider, "user-DELTA", NOW), Kind.CONFLICT);
        refused(() -> accountA.withdraw(invitation, alfa, "user-ALFA", NOW), Kind.CONFLICT);
        assertThat(accountA.admits(outsider)).isFalse();
    }

    @Test
    void anAcceptedInvitationIsNotWithdrawnButTheMemberRemoved() {
        Invitation betas = accountA.getMembers().get(0);

        assertThat(refused(() -> accountA.withdraw(betas, alfa, "user-ALFA", NOW), Kind.CONFLICT))
                .hasMessageContaining("уже принял приглашение: исключите его из аккаунта");
        refused(() -> accountA.remove(beta, beta, "user-BETA", NOW), Kind.FORBIDDEN);
        refused(() -> accountA.remove(beta, gamma, "user-GAMMA", NOW), Kind.FORBIDDEN);
        assertThat(accountA.hasMember(beta)).isTrue();

        accountA.remove(beta, alfa, "user-ALFA", NOW.plusSeconds(60));

        assertThat(betas.getStatus()).isEqualTo(InvitationStatus.REMOVED);
        assertThat(betas.getEndedBy()).isEqualTo("user-ALFA");
        assertThat(accountA.admits(beta)).isFalse();
        assertThat(accountA.getMembers()).extracting(Invitation::getPartner).containsExactly(gamma);
        assertThat(refused(() -> accountA.remove(beta, alfa, "user-ALFA", NOW), Kind.NOT_FOUND))
                .hasMessageContaining("не участвует в аккаунте");
        assertThat(invite(accountA, beta).getStatus()).as("invited again later").isEqualTo(InvitationStatus.PENDING);
    }

    @Test
    void aPendingInvitationIsWithdrawnNotRemoved() {
        invite(accountA, outsider);

        assertThat(refused(() -> accountA.remove(outsider, alfa, "user-ALFA", NOW), Kind.CONFLICT))
                .hasMessageContaining("еще не принял приглашение");
        refused(() -> accountA.remove(omega, alfa, "user-ALFA", NOW), Kind.NOT_FOUND);
    }

    @Test
    void theManagerCannotInviteItselfAndOnlyTheManagerInvites() {
        BusinessRuleViolation refusal = refused(() -> accountA.invite(partner(1, "ALFA"), alfa, "user-ALFA", NOW), Kind.INVALID);

        assertThat(refusal).hasMessageContaining("управляет этим аккаунтом");
        assertThat(refused(() -> accountA.invite(outsider, beta, "user-BETA", NOW), Kind.FORBIDDEN))
                .hasMessageContaining("только управляющий аккаунтом");
        assertThat(accountA.getInvitations()).hasSize(2);
    }

    @Test
    void aPartnerHasOneLiveInvitation() {
        assertThat(refused(() -> accountA.invite(partner(2, "BETA"), alfa, "user-ALFA", NOW), Kind.CONFLICT))
                .hasMessageContaining("уже участвует в аккаунте");
        invite(accountA, outsider);
        assertThat(refused(() -> accountA.invite(outsider, alfa, "user-ALFA", NOW), Kind.CONFLICT))
                .hasMessageContaining("уже приглашен в аккаунт, приглашение ждет ответа");
        assertThat(accountA.getInvitations()).hasSize(3);
    }

    // ---- visibility rules of seed 000, «Особенности работы партнёров в аккаунте»

    @Test
    void configurationsOfTheAccountsManagerAreSeenByTheManagerOnly() {
        Configuration managers = configurationIn(accountA, alfa);

        assertThat(visible(managers, alfa)).isTrue();
        assertThat(visible(managers, beta)).as("invited partner").isFalse();
        assertThat(visible(managers, gamma)).as("invited partner").isFalse();
    }

    @Test
    void invitedPartnersSeeEachOthersConfigurationsMadeInTheAccountAndSoDoesTheManager() {
        Configuration betas = configurationIn(accountA, beta);
        Configuration gammas = configurationIn(accountA, gamma);

        assertThat(visible(betas, gamma)).isTrue();
        assertThat(visible(gammas, beta)).isTrue();
        assertThat(visible(betas, alfa)).as("the manager").isTrue();
        assertThat(visible(gammas, alfa)).as("the manager").isTrue();
    }

    @Test
    void nobodySeesTheConfigurationsAPartnerMadeInAnotherAccount() {
        Configuration betasInB = configurationIn(accountB, beta);
        Configuration gammasInA = configurationIn(accountA, gamma);

        assertThat(visible(betasInB, gamma)).as("beta's partner in A").isFalse();
        assertThat(visible(betasInB, alfa)).as("the manager of A").isFalse();
        assertThat(accountA.shows(betasInB, gamma)).as("not through account A either").isFalse();
        assertThat(accountA.shows(betasInB, alfa)).as("not through account A either").isFalse();
        assertThat(visible(gammasInA, omega)).as("beta's partner in B").isFalse();
        assertThat(visible(betasInB, omega)).as("the manager of B, where it was made").isTrue();
    }

    @Test
    void aConfigurationStaysBoundToItsCreatorWhoAlwaysSeesIt() throws NoSuchFieldException {
        Configuration betas = configurationIn(accountA, beta);

        betas.edit(completeDraft().title("Правка партнера GAMMA").content(), "user-GAMMA", NOW.plusSeconds(60));

        assertThat(betas.getContent().getTitle()).isEqualTo("Правка партнера GAMMA");
        assertThat(betas.getUpdatedBy()).isEqualTo("user-GAMMA");
        assertThat(betas.getCreator()).isSameAs(beta);
        assertThat(betas.getCreatedBy()).isEqualTo("user-BETA");
        assertThat(betas.isCreatedBy(beta)).isTrue();
        assertThat(betas.isCreatedBy(gamma)).isFalse();
        assertThat(visible(betas, beta)).isTrue();
        assertThat(visible(configurationIn(accountB, beta), beta)).as("in every account").isTrue();
        assertThat(visible(configurationIn(accountA, alfa), alfa)).as("the manager too").isTrue();
        assertThat(Configuration.class.getDeclaredField("creator").getAnnotation(JoinColumn.class).updatable())
                .as("the creator column is never updated").isFalse();
    }

    @Test
    void aRemovedPartnerKeepsItsOwnConfigurationsAndLosesTheAccountsOthers() {
        Configuration betas = configurationIn(accountA, beta);
        Configuration gammas = configurationIn(accountA, gamma);
        Configuration managers = configurationIn(accountA, alfa);

        accountA.remove(beta, alfa, "user-ALFA", NOW);

        assertThat(betas.getCreator()).as("bound to its creator").isSameAs(beta);
        assertThat(betas.getAccount()).isSameAs(accountA);
        assertThat(visible(betas, beta)).as("the creator still sees what it made").isTrue();
        assertThat(visible(gammas, beta)).as("but no longer the account's other configurations").isFalse();
        assertThat(visible(managers, beta)).isFalse();
        assertThat(visible(betas, gamma)).as("nor do the account's partners see what it made").isFalse();
        assertThat(visible(betas, alfa)).as("nor the manager").isFalse();
        assertThat(visible(gammas, alfa)).isTrue();
        refused(() -> configurationIn(accountA, beta), Kind.FORBIDDEN);
    }

    @Test
    void anInvitedPartnerSeesNothingOfTheAccountBeforeItAccepts() {
        Configuration betas = configurationIn(accountA, beta);
        Invitation invitation = invite(accountA, outsider);

        assertThat(visible(betas, outsider)).isFalse();

        accountA.accept(invitation, outsider, "user-DELTA", NOW);

        assertThat(visible(betas, outsider)).isTrue();
        assertThat(visible(configurationIn(accountA, outsider), beta)).isTrue();
    }

    @Test
    void anOutsiderSeesNoConfigurationOfTheAccount() {
        assertThat(visible(configurationIn(accountA, alfa), outsider)).isFalse();
        assertThat(visible(configurationIn(accountA, beta), outsider)).isFalse();
        assertThat(visible(configurationIn(accountA, gamma), outsider)).isFalse();
        assertThat(visible(configurationIn(accountB, beta), outsider)).isFalse();
    }

    @Test
    void aPartnerNotAdmittedToTheAccountCannotCreateAConfigurationInIt() {
        BusinessRuleViolation refusal = refused(() -> configurationIn(accountA, outsider), Kind.FORBIDDEN);

        assertThat(refusal).hasMessageContaining("только управляющий аккаунтом и приглашенные в него партнеры");
        refused(() -> configurationIn(accountB, gamma), Kind.FORBIDDEN);
    }

    private Configuration configurationIn(ConfigurationAccount account, Partner creator) {
        return configuration(nextConfigurationId++, account, creator, completeDraft().content());
    }

    /** As the service asks: the account the configuration was made in decides. */
    private static boolean visible(Configuration configuration, Partner viewer) {
        return configuration.getAccount().shows(configuration, viewer);
    }

    private void addEmployees(int count) {
        IntStream.rangeClosed(1, count).forEach(i -> accountA.addEmployee("Сотрудник " + i, NOW));
    }

    private static BusinessRuleViolation refused(ThrowingCallable action, Kind kind) {
        BusinessRuleViolation violation = catchThrowableOfType(BusinessRuleViolation.class, action);
        assertThat(violation).as("refused").isNotNull();
        assertThat(violation.kind()).isEqualTo(kind);
        return violation;
    }
}
