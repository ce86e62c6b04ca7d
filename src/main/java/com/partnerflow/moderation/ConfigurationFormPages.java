package com.partnerflow.moderation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.partnerflow.moderation.ConfigurationViews.AccountView;
import com.partnerflow.portal.PortalPage;
import com.partnerflow.portal.PortalUser;
import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.BusinessRuleViolation;

/**
 * Creating and editing a configuration in the portal, and sending it to moderation (ADR 0046). Saving calls what
 * {@code POST /api/configuration-accounts/{id}/configurations} and {@code PUT /api/configurations/{id}} call; sending,
 * withdrawing and unpublishing what {@code POST}/{@code DELETE /api/configurations/{id}/moderation} and
 * {@code …/unpublication} call — after the moderator asked for changes, sending answers the partner's revision task, as the
 * API does. «Добавить объект» and «Удалить» on an entity row re-render the form and save nothing.
 */
@Controller
@RequestMapping(path = "/portal/configurations", produces = MediaType.TEXT_HTML_VALUE)
class ConfigurationFormPages implements PortalPage {

    static final String FORM_VIEW = "portal/configurations/form";

    private final ConfigurationService configurations;
    private final ModerationService moderations;
    private final ModerationCommands commands;
    private final ConfigurationPortalViews views;
    private final CurrentCaller caller;

    ConfigurationFormPages(ConfigurationService configurations, ModerationService moderations, ModerationCommands commands,
                           ConfigurationPortalViews views, CurrentCaller caller) {
        this.configurations = configurations;
        this.moderations = moderations;
        this.commands = commands;
        this.caller = caller;
        this.views = views;
    }

    @GetMapping("/accounts/{accountId}/new")
    String newConfiguration(@ModelAttribute("portal") PortalUser user, @PathVariable long accountId, Model model) {
        ConfigurationPortalViews.requirePartner(user);
        return creating(accountId, ConfigurationForm.blank(), Map.of(), model);
    }

    @PostMapping("/accounts/{accountId}/new")
    String create(@ModelAttribute("portal") PortalUser user, @PathVariable long accountId, ConfigurationForm form,
                  @RequestParam(required = false) String addEntity, @RequestParam(required = false) Integer removeEntity,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ConfigurationPortalViews.requirePartner(user);
        if (addEntity != null || removeEntity != null) {
            return creating(accountId, rows(form, addEntity, removeEntity), Map.of(), model);
        }
        return submit(form, draft -> configurations.create(accountId, draft, caller.get()), "создана",
                errors -> creating(accountId, form, errors, model), model, response, redirect);
    }

    @GetMapping("/{id}/edit")
    String edit(@ModelAttribute("portal") PortalUser user, @PathVariable long id, Model model) {
        ConfigurationPortalViews.requirePartner(user);
        Configuration configuration = configurations.find(id, caller.get());
        return editing(configuration, ConfigurationForm.of(configuration.getContent()), Map.of(), model);
    }

    @PostMapping("/{id}/edit")
    String save(@ModelAttribute("portal") PortalUser user, @PathVariable long id, ConfigurationForm form,
                @RequestParam(required = false) String addEntity, @RequestParam(required = false) Integer removeEntity,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ConfigurationPortalViews.requirePartner(user);
        Configuration configuration = configurations.find(id, caller.get());
        if (addEntity != null || removeEntity != null) {
            return editing(configuration, rows(form, addEntity, removeEntity), Map.of(), model);
        }
        return submit(form, draft -> {
            commands.edit(id, draft, caller.get());
            return configurations.find(id, caller.get());
        }, "сохранена", errors -> editing(configuration, form, errors, model), model, response, redirect);
    }

    /**
     * Saves the form through {@code save} (the API's service call) and goes to the configuration's page; refused, the form
     * again as the person filled it in, the service's words above it and each problem next to its field. A price that is
     * not a number saves nothing: it is shown with whatever else the service finds in the form.
     */
    private String submit(ConfigurationForm form, Function<ConfigurationDraft, Configuration> save, String what,
                          Function<Map<String, List<String>>, String> page, Model model, HttpServletResponse response,
                          RedirectAttributes redirect) {
        ConfigurationForm.Parsed parsed = form.parse();
        try {
            if (parsed.priceProblem() != null) {
                ConfigurationContent.of(parsed.draft());
                throw BusinessRuleViolation.invalid("Конфигурация не сохранена: " + parsed.priceProblem());
            }
            return saved(save.apply(parsed.draft()), what, redirect);
        } catch (BusinessRuleViolation refused) {
            if (refused.kind() == BusinessRuleViolation.Kind.NOT_FOUND) {
                throw refused;
            }
            ConfigurationRefused fields = refused instanceof ConfigurationRefused byField ? byField : null;
            response.setStatus(refused.status().value());
            model.addAttribute("error", fields != null && parsed.priceProblem() != null
                    ? refused.getMessage() + " " + parsed.priceProblem() : refused.getMessage());
            return page.apply(parsed.errors(fields));
        }
    }

    @PostMapping("/{id}/moderation")
    String send(@ModelAttribute("portal") PortalUser user, @PathVariable long id, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        return act(user, id, "send", () -> commands.send(id, caller.get()),
                "отправлена на модерацию: модератор проверит ее и одобрит, вернет на доработку или отклонит", model, response, redirect);
    }

    @PostMapping("/{id}/withdrawal")
    String withdraw(@ModelAttribute("portal") PortalUser user, @PathVariable long id, Model model, HttpServletResponse response,
                    RedirectAttributes redirect) {
        return act(user, id, "withdraw", () -> commands.withdraw(id, caller.get()), "отозвана с модерации", model, response, redirect);
    }

    @PostMapping("/{id}/unpublication")
    String unpublish(@ModelAttribute("portal") PortalUser user, @PathVariable long id, @RequestParam(required = false) String reason,
                     Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(user, id, "unpublish", () -> moderations.unpublish(id, reason, caller.get()), "снята с публикации в каталоге",
                model, response, redirect);
    }

    /** A button on the configuration's page: done, back to the page with what happened; refused, the page with why. */
    private String act(PortalUser user, long id, String action, Runnable command, String done, Model model,
                       HttpServletResponse response, RedirectAttributes redirect) {
        ConfigurationPortalViews.requirePartner(user);
        try {
            command.run();
        } catch (BusinessRuleViolation refused) {
            return ConfigurationPortalViews.refused(refused, action, model, response, () -> views.configurationPage(id, user, model));
        }
        return saved(configurations.find(id, caller.get()), done, redirect);
    }

    private String saved(Configuration configuration, String what, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "Конфигурация «" + configuration.displayName() + "» " + what + ".");
        return "redirect:/portal/configurations/" + configuration.getId();
    }

    private String creating(long accountId, ConfigurationForm form, Map<String, ?> errors, Model model) {
        ConfigurationAccount account = configurations.account(accountId, caller.get());
        model.addAttribute("account", AccountView.of(account, false));
        model.addAttribute("action", "/portal/configurations/accounts/" + accountId + "/new");
        return form(form, errors, model);
    }

    private String editing(Configuration configuration, ConfigurationForm form, Map<String, ?> errors, Model model) {
        model.addAttribute("c", views.view(configuration));
        model.addAttribute("action", "/portal/configurations/" + configuration.getId() + "/edit");
        return form(form, errors, model);
    }

    private static String form(ConfigurationForm form, Map<String, ?> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", Category.values());
        model.addAttribute("industries", Industry.values());
        model.addAttribute("kinds", EntityKind.values());
        model.addAttribute("section", "configurations");
        return FORM_VIEW;
    }

    private static ConfigurationForm rows(ConfigurationForm form, String addEntity, Integer removeEntity) {
        return addEntity != null ? form.withRowAdded() : form.withRowRemoved(removeEntity);
    }
}
