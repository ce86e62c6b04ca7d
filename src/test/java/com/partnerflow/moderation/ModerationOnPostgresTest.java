package com.partnerflow.moderation;

import static com.partnerflow.ApiLists.ids;
import static com.partnerflow.moderation.ModerationApi.complete;
import static com.partnerflow.moderation.ModerationApi.expect;
import static com.partnerflow.moderation.ModerationApi.review;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.ApiLists;
import com.partnerflow.PostgresIntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.moderation.ConfigurationModerationProcess.Elements;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;

/**
 * The configuration moderation on PostgreSQL: an account with a partner that accepted its invitation, an employee and a
 * contact, a configuration sent, sent back, revised and approved (two round snapshots), public in the catalogue, then
 * taken out of it by a moderator with a reason.
 */
class ModerationOnPostgresTest extends PostgresIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;

    @Test
    void aConfigurationIsRevisedApprovedAndPublishedInTheCatalogue() {
        ModerationApi api = new ModerationApi(http);
        Partner partner = data.partner();
        Partner invited = data.partner();
        String partnerUser = data.partnerUser(partner);
        String invitedUser = data.partnerUser(invited);
        String moderator = data.user(Groups.MODERATORS);
        long accountId = api.account(partnerUser, "Аккаунт " + partner.getCode());
        api.member(partnerUser, accountId, invited.getCode(), invitedUser);
        assertThat(api.configurationAccount(invitedUser, accountId).get("members").findValuesAsText("code")).containsExactly(invited.getCode());
        expect(api.addEmployee(partnerUser, accountId, "Сотрудник Один"), 200);
        expect(api.addContact(partnerUser, accountId, "Контакт", "contact@partners.test"), 200);

        long configurationId = api.created(partnerUser, accountId, complete("Сервис " + partner.getCode()));
        expect(api.send(partnerUser, configurationId), 200);
        long moderationId = api.moderationId(partnerUser, configurationId);
        expect(api.complete(moderator, api.task(moderator, moderationId, Elements.REVIEW).get("id").asText(),
                review(ReviewDecision.REQUEST_CHANGES, "Уточните название")), 204);
        api.awaitTask(partnerUser, moderationId, Elements.REVISE, partner.group());
        expect(api.edit(partnerUser, configurationId, complete("Сервисный центр " + partner.getCode())), 200);
        expect(api.send(partnerUser, configurationId), 200);
        expect(api.complete(moderator, api.task(moderator, moderationId, Elements.REVIEW).get("id").asText(),
                review(ReviewDecision.APPROVE, null)), 204);

        JsonNode published = api.configuration(partnerUser, configurationId);
        assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.at("/moderation/rounds")).hasSize(2);
        assertThat(api.listed(partnerUser)).contains(configurationId);
        assertThat(api.listed(invitedUser)).as("what the account's manager made is the manager's only").doesNotContain(configurationId);
        assertThat(api.catalogued()).contains(configurationId);
        ApiLists lists = new ApiLists(http);
        assertThat(ids(lists.page(partnerUser, "/api/configurations?own=true&status=PUBLISHED&account=" + accountId
                + "&updatedSince=2020-01-01T00:00:00Z&sort=-title"))).containsExactly(configurationId);
        assertThat(ids(lists.page(partnerUser, "/api/configuration-accounts?manager=" + partner.getCode() + "&search=аккаунт&sort=-name")))
                .containsExactly(accountId);
        assertThat(lists.page(invitedUser, "/api/configuration-invitations?status=ACCEPTED&account=" + accountId
                + "&partner=" + invited.getCode() + "&sort=-invited").get("totalElements").asLong()).isEqualTo(1);
        assertThat(ids(lists.page(null, "/api/catalogue?category=SERVICE&industry=SERVICES&search=сервисный центр " + partner.getCode()
                + "&sort=title"))).containsExactly(configurationId);
        assertThat(expect(api.get(null, "/api/catalogue/" + configurationId), 200).get("title").asText())
                .isEqualTo("Сервисный центр " + partner.getCode());
        assertThat(mailTo(partner.getEmail(), "опубликована")).isNotNull();

        JsonNode unpublished = expect(api.unpublish(moderator, configurationId, "Ссылки не открываются"), 200);
        assertThat(unpublished.get("status").asText()).isEqualTo("UNPUBLISHED");
        assertThat(unpublished.at("/lastUnpublished/reason").asText()).isEqualTo("Ссылки не открываются");
        assertThat(api.catalogued()).doesNotContain(configurationId);
    }
}
