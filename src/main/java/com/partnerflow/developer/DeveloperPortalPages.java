package com.partnerflow.developer;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.partnerflow.partner.TeamMember;
import com.partnerflow.partner.TeamService;
import com.partnerflow.portal.PortalPage;
import com.partnerflow.security.Caller;
import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.BusinessRuleViolation;

/**
 * «Команда» → an employee → «Запросить авторизацию разработчика» (ADR 0047): a partner's administrator asks the vendor to
 * authorize an employee, through the same command {@code POST /api/developer-authorizations} runs (the process's start,
 * whose listener checks the request as for Tasklist's start form).
 */
@Controller
@RequestMapping(path = "/portal/team/{userId}/developer-authorization", produces = MediaType.TEXT_HTML_VALUE)
class DeveloperPortalPages implements PortalPage {

    private static final String VIEW = "portal/team/developer-authorization";

    private final DeveloperCommands commands;
    private final TeamService team;
    private final CurrentCaller caller;

    DeveloperPortalPages(DeveloperCommands commands, TeamService team, CurrentCaller caller) {
        this.commands = commands;
        this.team = team;
        this.caller = caller;
    }

    @GetMapping
    String form(@PathVariable String userId, Model model) {
        return show(employee(userId), List.of(), "", model);
    }

    @PostMapping
    String request(@PathVariable String userId, @RequestParam(name = "applications", required = false) List<String> applications,
                   @RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        TeamMember member = employee(userId);
        List<Application> chosen = applications == null ? List.of() : applications.stream()
                .flatMap(name -> Arrays.stream(Application.values()).filter(application -> application.name().equals(name))).toList();
        try {
            long id = commands.request(new RequestAuthorization(member.userId(), chosen, reason));
            redirect.addFlashAttribute("message", "Запрос на авторизацию разработчика «" + member.name().strip()
                    + "» отправлен фирме (запрос " + id + ").");
            return "redirect:/portal/team/" + member.userId();
        } catch (RuntimeException failure) {
            BusinessRuleViolation refused = violation(failure);
            if (refused == null || refused.kind() == BusinessRuleViolation.Kind.NOT_FOUND
                    || refused.kind() == BusinessRuleViolation.Kind.FORBIDDEN) {
                throw refused == null ? failure : refused;
            }
            response.setStatus(refused.status().value());
            model.addAttribute("error", refused.getMessage());
            return show(member, chosen, reason, model);
        }
    }

    /** The employee, for the partner's administrator: a plain employee 403, anyone else's login 404. */
    private TeamMember employee(String userId) {
        Caller current = caller.get();
        TeamMember member = team.member(current, userId);
        if (!team.administers(current)) {
            throw BusinessRuleViolation.forbidden("Запросить авторизацию разработчика для сотрудника в портале может администратор "
                    + "партнера.");
        }
        if (!member.active()) {
            throw BusinessRuleViolation.conflict("Сотрудник «" + userId + "» деактивирован.");
        }
        return member;
    }

    private static String show(TeamMember member, List<Application> chosen, String reason, Model model) {
        model.addAttribute("member", member);
        model.addAttribute("applications", Application.values());
        model.addAttribute("chosen", chosen);
        model.addAttribute("reason", reason);
        return VIEW;
    }

    private static BusinessRuleViolation violation(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof BusinessRuleViolation violation) {
                return violation;
            }
        }
        return null;
    }
}
