package com.partnerflow.moderation;

import static com.partnerflow.ApiLists.ids;
import static com.partnerflow.moderation.ModerationApi.complete;
import static com.partnerflow.moderation.ModerationApi.expect;
import static com.partnerflow.moderation.ModerationApi.review;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import com.partnerflow.ApiLists;
import com.partnerflow.IntegrationTest;
import com.partnerflow.TestData;
import com.partnerflow.moderation.ConfigurationModerationProcess.Elements;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;

/**
 * The moderation lists (ADR 0044): {@code GET /api/configurations}, {@code /api/configuration-accounts},
 * {@code /api/configuration-invitations} and the public {@code /api/catalogue} — paged, filtered, sorted, and never
 * more than seed 000 lets the caller see, whatever another partner's ids it types into the filters.
 */
class ConfigurationListTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestData data;

    ApiLists lists;
    ModerationApi api;
    Partner managerPartner;
    Partner memberPartner;
    Partner outsiderPartner;
    String manager;
    String member;
    String outsider;
    long account;
    long outsidersAccount;
    long managers;
    long first;
    long second;
    long outsiders;

    @BeforeEach
    void anAccountWithAMemberAndAnOutsiderWithAnAccountOfItsOwn() {
        lists = new ApiLists(http);
        api = new ModerationApi(http);
        managerPartner = data.partner();
        memberPartner = data.partner();
        outsiderPartner = data.partner();
        manager = data.partnerUser(managerPartner);
        member = data.partnerUser(memberPartner);
        outsider = data.partnerUser(outsiderPartner);
        account = api.account(manager, "Аккаунт " + managerPartner.getCode());
        api.member(manager, account, memberPartner.getCode(), member);
        outsidersAccount = api.account(outsider, "Аккаунт " + outsiderPartner.getCode());
        managers = api.created(manager, account, complete("Управляющего " + managerPartner.getCode()));
        first = api.created(member, account, complete("Бухгалтерия " + memberPartner.getCode()));
        second = api.created(member, account, complete("Автосервис " + memberPartner.getCode()));
        outsiders = api.created(outsider, outsidersAccount, complete("Чужая " + outsiderPartner.getCode()));
    }

    @Test
    void configurationsPageWithTheirTotalAndSortBothWays() {
        JsonNode page = lists.page(member, "/api/configurations");
        assertThat(ids(page)).containsExactly(first, second);
        assertThat(page.get("totalElements").asLong()).isEqualTo(2);
        assertThat(ids(lists.page(member, "/api/configurations?size=1&page=1"))).containsExactly(second);
        JsonNode beyond = lists.page(member, "/api/configurations?page=5");
        assertThat(beyond.get("content")).isEmpty();
        assertThat(beyond.get("totalElements").asLong()).isEqualTo(2);
        assertThat(ids(lists.page(member, "/api/configurations?sort=-created"))).containsExactly(second, first);
        assertThat(ids(lists.page(member, "/api/configurations?sort=title"))).containsExactly(second, first);
        assertThat(ids(lists.page(member, "/api/configurations?sort=-title"))).containsExactly(first, second);
        assertThat(lists.refusal(member, "/api/configurations?sort=status")).contains("created, title, updated");
        assertThat(ids(lists.page(manager, "/api/configurations"))).containsExactly(managers, first, second);
        assertThat(ids(lists.page(manager, "/api/configurations?own=true"))).containsExactly(managers);
    }

    @Test
    void configurationsFilterByStatusAccountAndUpdatedSince() {
        expect(api.send(member, first), 200);
        assertThat(ids(lists.page(member, "/api/configurations?status=IN_MODERATION"))).containsExactly(first);
        assertThat(ids(lists.page(member, "/api/configurations?status=PUBLISHED"))).isEmpty();
        assertThat(lists.refusal(member, "/api/configurations?status=LOST")).contains("status");
        assertThat(ids(lists.page(member, "/api/configurations?account=" + account))).containsExactly(first, second);
        assertThat(lists.refusal(member, "/api/configurations?account=abc")).contains("account");

        Instant beforeEdit = Instant.now().minusMillis(1);
        expect(api.edit(member, second, complete("Автосервис, версия 2")), 200);
        assertThat(ids(lists.page(member, "/api/configurations?updatedSince=" + beforeEdit))).containsExactly(second);
        assertThat(ids(lists.page(member, "/api/configurations?sort=-updated"))).startsWith(second);
        assertThat(lists.refusal(member, "/api/configurations?updatedSince=yesterday")).contains("updatedSince");
    }

    @Test
    void noFilterReachesAnotherPartnersConfigurationsAndModeratorsSeeEvery() {
        assertThat(ids(lists.page(outsider, "/api/configurations?account=" + account))).isEmpty();
        assertThat(ids(lists.page(outsider, "/api/configurations?size=100"))).containsExactly(outsiders);
        assertThat(ids(lists.page(member, "/api/configurations?account=" + outsidersAccount))).isEmpty();
        assertThat(ids(lists.page(data.user(Groups.MODERATORS), "/api/configurations?account=" + outsidersAccount)))
                .containsExactly(outsiders);
    }

    @Test
    void accountsPageFilterByManagerAndNameAndSortBothWays() {
        long second = api.account(manager, "Второй аккаунт " + managerPartner.getCode());
        JsonNode page = lists.page(manager, "/api/configuration-accounts");
        assertThat(ids(page)).containsExactly(account, second);
        assertThat(page.get("totalElements").asLong()).isEqualTo(2);
        assertThat(ids(lists.page(manager, "/api/configuration-accounts?size=1&page=1"))).containsExactly(second);
        assertThat(lists.page(manager, "/api/configuration-accounts?page=3").get("content")).isEmpty();
        assertThat(ids(lists.page(manager, "/api/configuration-accounts?sort=-created"))).containsExactly(second, account);
        assertThat(ids(lists.page(manager, "/api/configuration-accounts?sort=-name"))).containsExactly(second, account);
        assertThat(ids(lists.page(manager, "/api/configuration-accounts?sort=name"))).containsExactly(account, second);
        assertThat(lists.refusal(manager, "/api/configuration-accounts?sort=manager")).contains("created, name");

        assertThat(ids(lists.page(member, "/api/configuration-accounts"))).as("a member sees the account it works in")
                .containsExactly(account);
        assertThat(ids(lists.page(manager, "/api/configuration-accounts?search=втор"))).containsExactly(second);
        assertThat(ids(lists.page(manager, "/api/configuration-accounts?search=%25"))).as("a search is text").isEmpty();
        assertThat(ids(lists.page(member, "/api/configuration-accounts?manager=" + managerPartner.getCode()))).containsExactly(account);
        assertThat(ids(lists.page(member, "/api/configuration-accounts?manager=" + memberPartner.getCode()))).isEmpty();
    }

    @Test
    void invitationsPageFilterByStatusAccountAndPartner() {
        Partner invitedPartner = data.partner();
        String invited = data.partnerUser(invitedPartner);
        long pending = api.invited(manager, account, invitedPartner.getCode());
        long accepted = lists.page(member, "/api/configuration-invitations").at("/content/0/id").asLong();

        assertThat(ids(lists.page(manager, "/api/configuration-invitations"))).as("the manager's, oldest first")
                .containsExactly(accepted, pending);
        assertThat(ids(lists.page(manager, "/api/configuration-invitations?sort=-invited"))).containsExactly(pending, accepted);
        assertThat(ids(lists.page(manager, "/api/configuration-invitations?size=1&page=1"))).containsExactly(pending);
        assertThat(lists.page(manager, "/api/configuration-invitations?page=2").get("totalElements").asLong()).isEqualTo(2);
        assertThat(lists.refusal(manager, "/api/configuration-invitations?sort=answered")).contains("invited");
        assertThat(ids(lists.page(manager, "/api/configuration-invitations?status=PENDING"))).containsExactly(pending);
        assertThat(ids(lists.page(manager, "/api/configuration-invitations?partner=" + memberPartner.getCode()))).containsExactly(accepted);
        assertThat(ids(lists.page(manager, "/api/configuration-invitations?account=" + outsidersAccount))).isEmpty();
        assertThat(lists.refusal(manager, "/api/configuration-invitations?status=LOST")).contains("status");
        assertThat(lists.refusal(manager, "/api/configuration-invitations?account=abc")).contains("account");

        assertThat(ids(lists.page(invited, "/api/configuration-invitations?status=PENDING"))).as("what the invited partner received")
                .containsExactly(pending);
        assertThat(ids(lists.page(member, "/api/configuration-invitations"))).as("a member, not the manager").containsExactly(accepted);
        assertThat(ids(lists.page(outsider, "/api/configuration-invitations?account=" + account))).isEmpty();
        assertThat(ids(lists.page(outsider, "/api/configuration-invitations?partner=" + invitedPartner.getCode()))).isEmpty();
    }

    @Test
    void theCataloguePagesForVisitorsSearchesByTitleAndFiltersByCategoryAndIndustry() {
        String word = "метка" + UUID.randomUUID().toString().substring(0, 8);
        String moderator = data.user(Groups.MODERATORS);
        long sales = published(moderator, "Продажи " + word, Category.SALES, Industry.RETAIL, null);
        long service = published(moderator, "Сервис " + word, Category.SERVICE, Industry.SERVICES, null);
        long projects = published(moderator, "Проекты", Category.PROJECTS, Industry.SERVICES, "Учет проектов, " + word.toUpperCase());
        long draft = api.created(member, account, complete("Черновик " + word));
        String search = "/api/catalogue?search=" + word;

        JsonNode page = lists.page(null, search);
        assertThat(ids(page)).as("newest first, no login").containsExactly(projects, service, sales).doesNotContain(draft);
        assertThat(page.get("totalElements").asLong()).isEqualTo(3);
        assertThat(ids(lists.page(null, search + "&size=1&page=1"))).containsExactly(service);
        JsonNode beyond = lists.page(null, search + "&page=9");
        assertThat(beyond.get("content")).isEmpty();
        assertThat(beyond.get("totalElements").asLong()).isEqualTo(3);
        assertThat(ids(lists.page(null, search + "&sort=published"))).containsExactly(sales, service, projects);
        assertThat(ids(lists.page(null, search + "&sort=title"))).containsExactly(sales, projects, service);
        assertThat(ids(lists.page(null, search + "&sort=-title"))).containsExactly(service, projects, sales);
        assertThat(lists.refusal(null, search + "&sort=price")).contains("published, title");

        assertThat(ids(lists.page(null, "/api/catalogue?search=" + word.toUpperCase())))
                .as("any case").containsExactly(projects, service, sales);
        assertThat(ids(lists.page(null, search + "&category=SALES"))).containsExactly(sales);
        assertThat(ids(lists.page(null, search + "&industry=SERVICES"))).containsExactly(projects, service);
        assertThat(ids(lists.page(null, search + "&category=HR"))).isEmpty();
        assertThat(ids(lists.page(null, "/api/catalogue?search=" + word + "%25"))).as("% is text").isEmpty();
        assertThat(lists.refusal(null, "/api/catalogue?category=NOPE")).contains("category");
        assertThat(lists.refusal(null, "/api/catalogue?industry=MOON")).contains("industry");
    }

    /** A configuration of the member's, approved by the moderator: in the catalogue now. */
    private long published(String moderator, String title, Category category, Industry industry, String shortDescription) {
        Map<String, Object> body = complete(title);
        body.put("category", category.name());
        body.put("industry", industry.name());
        if (shortDescription != null) {
            body.put("shortDescription", shortDescription);
        }
        long id = api.created(member, account, body);
        expect(api.send(member, id), 200);
        String taskId = api.task(moderator, api.moderationId(member, id), Elements.REVIEW).get("id").asText();
        expect(api.complete(moderator, taskId, review(ReviewDecision.APPROVE, null)), 204);
        return id;
    }
}
