package com.partnerflow.moderation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

import com.partnerflow.moderation.ConfigurationViews.AccountView;
import com.partnerflow.moderation.ConfigurationViews.ConfigurationView;
import com.partnerflow.moderation.ConfigurationViews.InvitationView;
import com.partnerflow.moderation.ConfigurationViews.RoundView;
import com.partnerflow.portal.PortalUser;
import com.partnerflow.security.Caller;
import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.ApiPage;
import com.partnerflow.system.BusinessRuleViolation;

/**
 * What the portal's «Конфигурации» pages show, read through the services and views {@code /api/configurations} and
 * {@code /api/configuration-accounts} use, as the same caller (ADR 0046): a page shows exactly what the API answers.
 */
@Component
class ConfigurationPortalViews {

    static final String LIST_VIEW = "portal/configurations/list";
    static final String ACCOUNT_VIEW = "portal/configurations/account";
    static final String CONFIGURATION_VIEW = "portal/configurations/configuration";
    static final int PAGE_SIZE = 20;

    /** A configuration in a list: the API's view, its status's badge and the moderator's latest answer, if any. */
    record Row(ConfigurationView view, String badge, RoundView lastAnswer) {
    }

    private final ConfigurationService configurations;
    private final ModerationService moderations;
    private final CurrentCaller caller;

    ConfigurationPortalViews(ConfigurationService configurations, ModerationService moderations, CurrentCaller caller) {
        this.configurations = configurations;
        this.moderations = moderations;
        this.caller = caller;
    }

    /** The section belongs to partner employees; the vendor's people have the API and their webapps. */
    static void requirePartner(PortalUser user) {
        if (!user.partner()) {
            throw BusinessRuleViolation.forbidden("Раздел «Конфигурации» — для сотрудников партнеров.");
        }
    }

    /** As {@code GET /api/configurations/{id}} shows it: with its latest moderation, round by round. */
    ConfigurationView view(Configuration configuration) {
        return ConfigurationView.of(configuration, moderations.latest(configuration).orElse(null),
                moderations.lastUnpublished(configuration).orElse(null));
    }

    Row row(Configuration configuration) {
        ConfigurationView view = view(configuration);
        return new Row(view, badge(view.status()), lastAnswer(view).orElse(null));
    }

    /** One page of what the caller sees, filtered as {@code GET /api/configurations} filters. */
    ApiPage<Row> list(ConfigurationFilter filter, int page, String sort) {
        String key = sort != null && sort.startsWith("-") ? sort.substring(1) : sort;
        Sort order = key == null || !ConfigurationController.SORT_KEYS.containsKey(key)
                ? Sort.by(Sort.Direction.DESC, "updatedAt", "id")
                : Sort.by(sort.startsWith("-") ? Sort.Direction.DESC : Sort.Direction.ASC,
                ConfigurationController.SORT_KEYS.get(key).split(","));
        return ApiPage.of(configurations.list(caller.get(), filter, PageRequest.of(Math.max(page, 0), PAGE_SIZE, order)), this::row);
    }

    /**
     * The section's first page: the invitations waiting for the caller's partner, the accounts it manages or works in,
     * and one page of the configurations it sees, filtered and sorted as the API's list.
     */
    String listPage(ConfigurationFilter filter, int page, String sort, PortalUser user, Model model) {
        Caller current = caller.get();
        model.addAttribute("invitations", configurations.invitations(current, InvitationStatus.PENDING, null,
                user.partnerCode().orElse(null), PageRequest.of(0, 100, Sort.by("invitedAt", "id"))).map(InvitationView::of).getContent());
        model.addAttribute("accounts", configurations.accounts(current, null, null, PageRequest.of(0, 100, Sort.by("name", "id")))
                .map(account -> AccountView.of(account, configurations.seesInvitations(account, current))).getContent());
        model.addAttribute("rows", list(filter, page, sort));
        model.addAttribute("filter", filter);
        model.addAttribute("sort", sort == null ? "-updated" : sort);
        model.addAttribute("statuses", ConfigurationStatus.values());
        model.addAttribute("rowsLink", UriComponentsBuilder.fromPath("/portal/configurations")
                .queryParamIfPresent("status", Optional.ofNullable(filter.status()))
                .queryParamIfPresent("account", Optional.ofNullable(filter.account()))
                .queryParamIfPresent("own", Optional.of(true).filter(own -> filter.own()))
                .queryParamIfPresent("sort", Optional.ofNullable(sort)).build().encode().toUriString()
                + (filter.status() == null && filter.account() == null && !filter.own() && sort == null ? "?" : "&"));
        model.addAttribute("section", "configurations");
        return LIST_VIEW;
    }

    /**
     * A refusal of a form on a page: shown on that page, next to {@code field}, with the status the API answers; a
     * «not found» is the portal's error page, as for an address typed by hand.
     */
    static String refused(BusinessRuleViolation violation, String field, Model model, HttpServletResponse response,
                          Supplier<String> page) {
        if (violation.kind() == BusinessRuleViolation.Kind.NOT_FOUND) {
            throw violation;
        }
        return shown(violation, field, model, response, page);
    }

    /** A refusal shown on the page of the form, next to {@code field}, with the status the API answers. */
    static String shown(BusinessRuleViolation violation, String field, Model model, HttpServletResponse response,
                        Supplier<String> page) {
        String view = page.get();
        response.setStatus(violation.status().value());
        model.addAttribute("error", violation.getMessage());
        model.addAttribute("errorField", field);
        return view;
    }

    /** An account's page: the account as the API shows it to this caller, and its configurations the caller sees. */
    String accountPage(long accountId, int page, PortalUser user, Model model) {
        Caller current = caller.get();
        ConfigurationAccount account = configurations.account(accountId, current);
        model.addAttribute("account", AccountView.of(account, configurations.seesInvitations(account, current)));
        model.addAttribute("manager", user.partnerCode().filter(account.getManager().getCode()::equals).isPresent());
        model.addAttribute("rows", list(new ConfigurationFilter(false, null, accountId, null), page, null));
        model.addAttribute("rowsLink", "/portal/configurations/accounts/" + accountId + "?");
        model.addAttribute("section", "configurations");
        return ACCOUNT_VIEW;
    }

    /** A configuration's page: settings, entities, what moderation still needs, its rounds; the actions its partner has. */
    String configurationPage(long id, PortalUser user, Model model) {
        ConfigurationView view = view(configurations.find(id, caller.get()));
        boolean own = user.partnerCode().filter(view.creator().code()::equals).isPresent();
        ConfigurationStatus status = view.status();
        model.addAttribute("c", view);
        model.addAttribute("badge", badge(status));
        model.addAttribute("own", own);
        model.addAttribute("editable", status != ConfigurationStatus.IN_MODERATION);
        model.addAttribute("sendable", own && status != ConfigurationStatus.IN_MODERATION);
        model.addAttribute("withdrawable", own && (status == ConfigurationStatus.IN_MODERATION
                || status == ConfigurationStatus.CHANGES_REQUESTED));
        model.addAttribute("unpublishable", own && view.published() != null);
        model.addAttribute("rounds", view.moderation() == null ? List.of()
                : view.moderation().rounds().stream().sorted(Comparator.comparingInt(RoundView::number).reversed()).toList());
        model.addAttribute("lastAnswer", lastAnswer(view).orElse(null));
        return CONFIGURATION_VIEW;
    }

    /** The moderator's latest answer: the latest decided round, if any. */
    private static Optional<RoundView> lastAnswer(ConfigurationView view) {
        return view.moderation() == null ? Optional.empty() : view.moderation().rounds().stream()
                .filter(round -> round.decision() != null).max(Comparator.comparingInt(RoundView::number));
    }

    static String badge(ConfigurationStatus status) {
        return BADGES.getOrDefault(status, "");
    }

    private static final Map<ConfigurationStatus, String> BADGES = Map.of(ConfigurationStatus.PUBLISHED, "ok",
            ConfigurationStatus.CHANGES_REQUESTED, "warn", ConfigurationStatus.REJECTED, "bad", ConfigurationStatus.DRAFT, "off",
            ConfigurationStatus.WITHDRAWN, "off", ConfigurationStatus.UNPUBLISHED, "off");
}
