package com.partnerflow.moderation;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.partnerflow.portal.PortalPage;
import com.partnerflow.portal.PortalUser;
import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.BusinessRuleViolation;

/**
 * The portal's forms of configuration accounts (ADR 0046), each calling what its {@code /api/configuration-accounts}
 * or {@code /api/configuration-invitations} endpoint calls: register an account; the manager invites a partner,
 * withdraws an invitation, removes a member, adds and removes special employees and the contact; the invited partner
 * accepts or declines. Done, back to the page with what happened; refused, the page again with the service's reason next
 * to the form and what was typed kept.
 */
@Controller
@RequestMapping(path = "/portal/configurations", produces = MediaType.TEXT_HTML_VALUE)
class ConfigurationAccountPages implements PortalPage {

    private static final String LIST = "redirect:/portal/configurations";

    private final ConfigurationService configurations;
    private final ConfigurationPortalViews views;
    private final CurrentCaller caller;

    ConfigurationAccountPages(ConfigurationService configurations, ConfigurationPortalViews views, CurrentCaller caller) {
        this.configurations = configurations;
        this.views = views;
        this.caller = caller;
    }

    @PostMapping("/accounts")
    String createAccount(@ModelAttribute("portal") PortalUser user, @RequestParam(defaultValue = "") String name, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("accountName", name);
        return act(user, "accountName", () -> {
            ConfigurationAccount account = configurations.createAccount(name, caller.get());
            redirect.addFlashAttribute("notice", "Аккаунт «" + account.getName() + "» зарегистрирован.");
            return "redirect:/portal/configurations/accounts/" + account.getId();
        }, () -> views.listPage(new ConfigurationFilter(false, null, null, null), 0, null, user, model), model, response);
    }

    @PostMapping("/accounts/{id}/members")
    String invite(@ModelAttribute("portal") PortalUser user, @PathVariable long id, @RequestParam(defaultValue = "") String partnerCode,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("partnerCode", partnerCode);
        return onAccount(user, id, "partnerCode", () -> {
            Invitation invitation = configurations.invite(id, partnerCode, caller.get());
            return "Партнер " + invitation.getPartner().getName() + " приглашен: он станет участником аккаунта, когда его сотрудник примет приглашение.";
        }, model, response, redirect);
    }

    @PostMapping("/accounts/{id}/members/{partnerCode}/removal")
    String removeMember(@ModelAttribute("portal") PortalUser user, @PathVariable long id, @PathVariable String partnerCode,
                        Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return onAccount(user, id, "members", () -> {
            configurations.removeMember(id, partnerCode, caller.get());
            return "Партнер " + partnerCode + " исключен из аккаунта.";
        }, model, response, redirect);
    }

    @PostMapping("/accounts/{id}/employees")
    String addEmployee(@ModelAttribute("portal") PortalUser user, @PathVariable long id, @RequestParam(defaultValue = "") String employeeName,
                       Model model, HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("employeeName", employeeName);
        return onAccount(user, id, "employeeName", () -> {
            configurations.addEmployee(id, employeeName, caller.get());
            return "Специальный сотрудник «" + employeeName.strip() + "» добавлен.";
        }, model, response, redirect);
    }

    @PostMapping("/accounts/{id}/employees/removal")
    String removeEmployee(@ModelAttribute("portal") PortalUser user, @PathVariable long id, @RequestParam(defaultValue = "") String name,
                          Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return onAccount(user, id, "employees", () -> {
            configurations.removeEmployee(id, name, caller.get());
            return "Специальный сотрудник «" + name + "» удален.";
        }, model, response, redirect);
    }

    @PostMapping("/accounts/{id}/contact")
    String addContact(@ModelAttribute("portal") PortalUser user, @PathVariable long id, @RequestParam(defaultValue = "") String contactName,
                      @RequestParam(defaultValue = "") String contactEmail, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) {
        model.addAttribute("contactName", contactName);
        model.addAttribute("contactEmail", contactEmail);
        return onAccount(user, id, "contact", () -> {
            configurations.addContact(id, contactName, contactEmail, caller.get());
            return "Контакт с доступом добавлен.";
        }, model, response, redirect);
    }

    @PostMapping("/accounts/{id}/contact/removal")
    String removeContact(@ModelAttribute("portal") PortalUser user, @PathVariable long id, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        return onAccount(user, id, "contactRemoval", () -> {
            configurations.removeContact(id, caller.get());
            return "Контакт с доступом удален.";
        }, model, response, redirect);
    }

    @PostMapping("/invitations/{id}/acceptance")
    String accept(@ModelAttribute("portal") PortalUser user, @PathVariable long id, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        return act(user, "invitations", () -> {
            Invitation invitation = configurations.accept(id, caller.get());
            redirect.addFlashAttribute("notice", "Приглашение принято: ваш партнер работает в аккаунте «"
                    + invitation.getAccount().getName() + "».");
            return "redirect:/portal/configurations/accounts/" + invitation.getAccount().getId();
        }, () -> views.listPage(new ConfigurationFilter(false, null, null, null), 0, null, user, model), model, response);
    }

    @PostMapping("/invitations/{id}/refusal")
    String decline(@ModelAttribute("portal") PortalUser user, @PathVariable long id, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        return act(user, "invitations", () -> {
            Invitation invitation = configurations.decline(id, caller.get());
            redirect.addFlashAttribute("notice", "Приглашение в аккаунт «" + invitation.getAccount().getName() + "» отклонено.");
            return LIST;
        }, () -> views.listPage(new ConfigurationFilter(false, null, null, null), 0, null, user, model), model, response);
    }

    @PostMapping("/invitations/{id}/withdrawal")
    String withdrawInvitation(@ModelAttribute("portal") PortalUser user, @PathVariable long id, Model model,
                              HttpServletResponse response, RedirectAttributes redirect) {
        Invitation invitation = configurations.invitation(id, caller.get());
        return onAccount(user, invitation.getAccount().getId(), "invitations", () -> {
            configurations.withdrawInvitation(id, caller.get());
            return "Приглашение партнера " + invitation.getPartner().getName() + " отозвано.";
        }, model, response, redirect);
    }

    /**
     * A form of the account's page: done, the page with {@code done}'s message; refused, the page with the reason — an
     * unknown partner code too. An account the partner may not see is «не найдено», whatever the form.
     */
    private String onAccount(PortalUser user, long accountId, String field, Supplier<String> done, Model model,
                             HttpServletResponse response, RedirectAttributes redirect) {
        ConfigurationPortalViews.requirePartner(user);
        configurations.account(accountId, caller.get());
        try {
            redirect.addFlashAttribute("notice", done.get());
            return "redirect:/portal/configurations/accounts/" + accountId;
        } catch (BusinessRuleViolation refused) {
            return ConfigurationPortalViews.shown(refused, field, model, response, () -> views.accountPage(accountId, 0, user, model));
        }
    }

    private static String act(PortalUser user, String field, Supplier<String> done, Supplier<String> page, Model model,
                              HttpServletResponse response) {
        ConfigurationPortalViews.requirePartner(user);
        try {
            return done.get();
        } catch (BusinessRuleViolation refused) {
            return ConfigurationPortalViews.refused(refused, field, model, response, page);
        }
    }
}
