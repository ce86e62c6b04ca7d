package com.partnerflow.partner;

import java.util.function.Supplier;

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

import com.partnerflow.portal.PortalPage;
import com.partnerflow.security.Caller;
import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.ApiPage;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.PageQuery;

/**
 * «Команда» (ADR 0047): the partner's employees for every employee of the partner; for its administrators the forms
 * that add, deactivate and take back employees and make administrators. Each reads and changes through
 * {@link TeamService}, the service of {@code /api/team}, as the same caller.
 */
@Controller
@RequestMapping(path = "/portal/team", produces = MediaType.TEXT_HTML_VALUE)
class TeamPages implements PortalPage {

    private final TeamService team;
    private final CurrentCaller caller;

    TeamPages(TeamService team, CurrentCaller caller) {
        this.team = team;
        this.caller = caller;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Caller current = caller.get();
        PageQuery query = new PageQuery(Math.max(0, Math.min(page, PageQuery.MAX_PAGE)), PageQuery.MAX_SIZE, null);
        model.addAttribute("members", ApiPage.of(team.team(current, null, query.pageable(TeamController.BY_NAME,
                TeamController.SORTABLE)), member -> member));
        model.addAttribute("administrator", team.administers(current));
        return "portal/team/list";
    }

    @GetMapping("/new")
    String newEmployee(Model model) {
        requireAdministrator();
        model.addAttribute("employee", new NewEmployee("", "", "", ""));
        return "portal/team/new";
    }

    @PostMapping
    String add(@ModelAttribute("employee") NewEmployee employee, Model model, HttpServletResponse response,
               RedirectAttributes redirect) {
        try {
            TeamMember added = team.add(caller.get(), employee);
            redirect.addFlashAttribute("message", "Сотрудник «" + added.name().strip() + "» добавлен: приглашение задать пароль "
                    + "отправлено на " + added.email() + ".");
            return "redirect:/portal/team/" + added.userId();
        } catch (InvalidForm refused) {
            response.setStatus(refused.status().value());
            model.addAttribute("errors", refused.fields());
            return "portal/team/new";
        }
    }

    @GetMapping("/{userId}")
    String member(@PathVariable String userId, Model model) {
        Caller current = caller.get();
        model.addAttribute("member", team.member(current, userId));
        model.addAttribute("administrator", team.administers(current));
        return "portal/team/member";
    }

    @PostMapping("/{userId}/deactivation")
    String deactivate(@PathVariable String userId, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(userId, () -> team.deactivate(caller.get(), userId), "деактивирован: вход закрыт, токены API отозваны, "
                + "взятые задачи вернулись группе партнера", model, response, redirect);
    }

    @PostMapping("/{userId}/reactivation")
    String reactivate(@PathVariable String userId, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(userId, () -> team.reactivate(caller.get(), userId), "снова в команде: приглашение задать пароль отправлено",
                model, response, redirect);
    }

    @PostMapping("/{userId}/administrator")
    String administrator(@PathVariable String userId, @RequestParam(defaultValue = "false") boolean administrator, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        return act(userId, () -> team.administrator(caller.get(), userId, administrator),
                administrator ? "теперь администратор партнера" : "больше не администратор партнера", model, response, redirect);
    }

    @PostMapping("/{userId}/invitation")
    String reinvite(@PathVariable String userId, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(userId, () -> team.reinvite(caller.get(), userId), "получит новое приглашение: прежняя ссылка больше не "
                + "действует", model, response, redirect);
    }

    /**
     * One action of an administrator: done, back to the employee's page with what happened; refused for the state it
     * found (the last administrator, say), the employee's page again with the reason. Not found or forbidden: the
     * portal's refusal page.
     */
    private String act(String userId, Supplier<TeamMember> action, String done, Model model,
                       HttpServletResponse response, RedirectAttributes redirect) {
        try {
            TeamMember member = action.get();
            redirect.addFlashAttribute("message", "«" + member.name().strip() + "» " + done + ".");
            return "redirect:/portal/team/" + member.userId();
        } catch (BusinessRuleViolation refused) {
            if (refused.kind() == BusinessRuleViolation.Kind.NOT_FOUND || refused.kind() == BusinessRuleViolation.Kind.FORBIDDEN) {
                throw refused;
            }
            response.setStatus(refused.status().value());
            model.addAttribute("error", refused.getMessage());
            return member(userId, model);
        }
    }

    private void requireAdministrator() {
        if (!team.administers(caller.get())) {
            throw BusinessRuleViolation.forbidden("Добавлять сотрудников может только администратор партнера.");
        }
    }
}
