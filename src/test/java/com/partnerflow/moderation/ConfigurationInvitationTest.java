package com.partnerflow.moderation;

import static com.partnerflow.moderation.ModerationApi.complete;
import static com.partnerflow.moderation.ModerationApi.expect;
import static com.partnerflow.moderation.ModerationApi.mailTo;
import static com.partnerflow.moderation.ModerationApi.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.partner.Partner;

/**
 * Seed 000, «В партнёрскую конфигурацию можно добавить другого партнёра… ему будет отправлено приглашение»: over the
 * real API, the manager invites, the invited partner is mailed and answers, the manager withdraws an invitation or
 * removes a member. Every other partner is hostile: it neither sees nor answers an invitation that is not its own.
 */
class ConfigurationInvitationTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;

    ModerationApi api;
    Partner managerPartner;
    Partner invitedPartner;
    String manager;
    String invited;
    String third;
    long accountId;
    long managersConfiguration;

    @BeforeEach
    void anAccountAndAPartnerToInvite() {
        api = new ModerationApi(http);
        managerPartner = data.partner();
        invitedPartner = data.partner();
        manager = data.partnerUser(managerPartner);
        invited = data.partnerUser(invitedPartner);
        third = data.partnerUser(data.partner());
        accountId = api.account(manager, "Аккаунт с приглашениями " + managerPartner.getCode());
        managersConfiguration = api.created(manager, accountId, complete("Управляющего " + managerPartner.getCode()));
    }

    @Test
    void theInvitedPartnerIsMailedAndWorksInTheAccountOnlyOnceItAccepts() throws Exception {
        long invitationId = api.invited(manager, accountId, invitedPartner.getCode());

        assertThat(text(mailTo(MAIL, invitedPartner.getEmail(), "Приглашение в аккаунт")))
                .contains(managerPartner.getName(), "Аккаунт с приглашениями", "/api/configuration-invitations/" + invitationId + "/acceptance",
                        "/api/configuration-invitations?status=PENDING&partner=" + invitedPartner.getCode());
        JsonNode pending = expect(api.get(invited, "/api/configuration-invitations?status=PENDING"), 200).get("content");
        assertThat(pending.findValuesAsText("id")).containsExactly(String.valueOf(invitationId));
        assertThat(pending.get(0).at("/manager/code").asText()).isEqualTo(managerPartner.getCode());
        assertThat(pending.get(0).get("status").asText()).isEqualTo("PENDING");
        assertThat(api.get(invited, "/api/configuration-accounts/" + accountId).getStatusCode()).as("not a member yet")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.create(invited, accountId, complete("Рано")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.configurationAccount(manager, accountId).get("members")).isEmpty();

        JsonNode accepted = expect(api.accept(invited, invitationId), 200);

        assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("answeredBy").asText()).isEqualTo(invited);
        JsonNode seenByMember = api.configurationAccount(invited, accountId);
        assertThat(seenByMember.get("members").findValuesAsText("code")).containsExactly(invitedPartner.getCode());
        assertThat(seenByMember.has("invitations")).as("invitations are the manager's business").isFalse();
        assertThat(api.created(invited, accountId, complete("Участника " + invitedPartner.getCode()))).isPositive();
        assertThat(expect(api.get(invited, "/api/configuration-invitations?status=PENDING"), 200).get("content")).isEmpty();
        assertThat(api.accept(invited, invitationId).getStatusCode()).as("accepted twice").isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.listed(invited)).as("the manager's configurations stay the manager's").doesNotContain(managersConfiguration);
    }

    @Test
    void theInvitedPartnerDeclinesAndMayBeInvitedAgain() {
        long invitationId = api.invited(manager, accountId, invitedPartner.getCode());

        JsonNode declined = expect(api.answer(invited, invitationId, "refusal"), 200);

        assertThat(declined.get("status").asText()).isEqualTo("DECLINED");
        assertThat(api.accept(invited, invitationId).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.get(invited, "/api/configuration-accounts/" + accountId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode history = api.configurationAccount(manager, accountId).get("invitations");
        assertThat(history.findValuesAsText("status")).containsExactly("DECLINED");
        long again = api.invited(manager, accountId, invitedPartner.getCode());
        assertThat(again).isNotEqualTo(invitationId);
    }

    @Test
    void theManagerWithdrawsAPendingInvitation() {
        long invitationId = api.invited(manager, accountId, invitedPartner.getCode());

        assertThat(api.answer(invited, invitationId, "withdrawal").getStatusCode()).as("the invited partner withdraws")
                .isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode withdrawn = expect(api.answer(manager, invitationId, "withdrawal"), 200);

        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("endedBy").asText()).isEqualTo(manager);
        ResponseEntity<JsonNode> late = api.accept(invited, invitationId);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody().get("detail").asText()).isEqualTo("Приглашение нельзя принять: оно уже не ждет ответа (сейчас — «Приглашение отозвано»).");
        assertThat(expect(api.get(invited, "/api/configuration-invitations?status=PENDING"), 200).get("content")).isEmpty();
        assertThat(api.get(invited, "/api/configuration-accounts/" + accountId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theManagerAcceptsNothingForTheInvitedPartner() {
        long invitationId = api.invited(manager, accountId, invitedPartner.getCode());

        ResponseEntity<JsonNode> forged = api.accept(manager, invitationId);

        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forged.getBody().get("detail").asText()).contains("только приглашенный партнер", invitedPartner.getName());
        assertThat(expect(api.get(invited, "/api/configuration-invitations/" + invitationId), 200).get("status").asText())
                .isEqualTo("PENDING");
    }

    @Test
    void aThirdPartnerNeitherSeesNorAnswersAnotherPartnersInvitation() {
        long invitationId = api.invited(manager, accountId, invitedPartner.getCode());
        Partner memberPartner = data.partner();
        String member = data.partnerUser(memberPartner);
        api.member(manager, accountId, memberPartner.getCode(), member);

        for (String hostile : new String[] {third, member, "marina"}) {
            assertThat(expect(api.get(hostile, "/api/configuration-invitations?size=100"), 200).get("content").findValuesAsText("id"))
                    .as("%s lists it", hostile).doesNotContain(String.valueOf(invitationId));
            for (String what : new String[] {"acceptance", "refusal", "withdrawal"}) {
                ResponseEntity<JsonNode> refused = api.answer(hostile, invitationId, what);
                assertThat(refused.getStatusCode()).as("%s: %s", hostile, what).isEqualTo(HttpStatus.NOT_FOUND);
                assertThat(refused.getBody().get("detail").asText()).isEqualTo("Приглашение № " + invitationId + " не найдено.");
            }
            assertThat(api.get(hostile, "/api/configuration-invitations/" + invitationId).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(api.answer(third, 999_999_999, "acceptance").getBody().get("detail").asText())
                .as("reads like one that does not exist").isEqualTo("Приглашение № 999999999 не найдено.");
        assertThat(api.configurationAccount(member, accountId).has("invitations")).as("a member sees no invitations").isFalse();
        assertThat(api.removeMember(member, accountId, invitedPartner.getCode()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.removeMember(third, accountId, invitedPartner.getCode()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(expect(api.get(invited, "/api/configuration-invitations/" + invitationId), 200).get("status").asText())
                .as("nothing changed").isEqualTo("PENDING");
    }

    @Test
    void aRemovedPartnerLosesTheAccountButKeepsWhatItMadeThere() {
        Partner colleaguePartner = data.partner();
        String colleague = data.partnerUser(colleaguePartner);
        api.member(manager, accountId, colleaguePartner.getCode(), colleague);
        api.member(manager, accountId, invitedPartner.getCode(), invited);
        long removedOnes = api.created(invited, accountId, complete("Удаляемого " + invitedPartner.getCode()));
        long colleagues = api.created(colleague, accountId, complete("Коллеги"));
        assertThat(api.listed(colleague)).contains(removedOnes);
        assertThat(api.removeMember(manager, accountId, invitedPartner.getCode() + "X").getStatusCode()).as("unknown partner")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.removeMember(manager, accountId, data.partner().getCode()).getStatusCode())
                .as("not a member").isEqualTo(HttpStatus.NOT_FOUND);

        JsonNode account = expect(api.removeMember(manager, accountId, invitedPartner.getCode()), 200);

        assertThat(account.get("members").findValuesAsText("code")).doesNotContain(invitedPartner.getCode());
        assertThat(account.get("invitations").findValuesAsText("status")).contains("REMOVED");
        assertThat(api.get(invited, "/api/configuration-accounts/" + accountId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.create(invited, accountId, complete("После исключения")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(invited, "/api/configurations/" + colleagues).getStatusCode()).as("the others' configurations")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.listed(invited)).contains(removedOnes).doesNotContain(colleagues, managersConfiguration);
        JsonNode stillItsOwn = api.configuration(invited, removedOnes);
        assertThat(stillItsOwn.at("/creator/code").asText()).as("bound to its creator").isEqualTo(invitedPartner.getCode());
        assertThat(stillItsOwn.get("accountId").asLong()).isEqualTo(accountId);
        expect(api.edit(invited, removedOnes, complete("Правка после исключения")), 200);
        assertThat(api.get(colleague, "/api/configurations/" + removedOnes).getStatusCode()).as("the account's partners no longer see it")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(manager, "/api/configurations/" + removedOnes).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.removeMember(manager, accountId, invitedPartner.getCode()).getStatusCode()).as("removed twice")
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aPendingInvitationIsWithdrawnNotRemovedAndAMemberNotWithdrawn() {
        long invitationId = api.invited(manager, accountId, invitedPartner.getCode());

        ResponseEntity<JsonNode> removed = api.removeMember(manager, accountId, invitedPartner.getCode());
        assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(removed.getBody().get("detail").asText()).contains("еще не принял приглашение");
        assertThat(api.invite(manager, accountId, invitedPartner.getCode()).getStatusCode()).as("invited twice")
                .isEqualTo(HttpStatus.CONFLICT);

        expect(api.accept(invited, invitationId), 200);
        ResponseEntity<JsonNode> withdrawn = api.answer(manager, invitationId, "withdrawal");
        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(withdrawn.getBody().get("detail").asText()).contains("уже принял приглашение");
        assertThat(api.configurationAccount(invited, accountId).get("members").findValuesAsText("code"))
                .containsExactly(invitedPartner.getCode());
    }
}
