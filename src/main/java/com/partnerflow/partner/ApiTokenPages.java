package com.partnerflow.partner;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.partnerflow.portal.PortalPage;
import com.partnerflow.security.ApiToken;
import com.partnerflow.security.ApiTokenService;
import com.partnerflow.security.ApiTokenStatus;
import com.partnerflow.security.Caller;
import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.ApiPage;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.PageQuery;

/**
 * «Команда» → «Токены API» (ADR 0040, 0047): the partner's tokens, created (the secret shown once, on the page after the
 * creation) and revoked by its employees, through {@link ApiTokenService}, the service of {@code /api/tokens}, with the
 * same rules. A portal session is always the person's own login, as creating and revoking require.
 */
@Controller
@RequestMapping(path = "/portal/team/tokens", produces = MediaType.TEXT_HTML_VALUE)
class ApiTokenPages implements PortalPage {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt", "id");

    private final ApiTokenService tokens;
    private final CurrentCaller caller;

    ApiTokenPages(ApiTokenService tokens, CurrentCaller caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        return show(page, "", model);
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String name, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        try {
            ApiTokenService.Issued issued = tokens.create(caller.get(), name);
            redirect.addFlashAttribute("secret", issued.reveal());
            redirect.addFlashAttribute("message", "Токен «" + issued.token().getName() + "» выпущен. Скопируйте его сейчас: "
                    + "больше он нигде не появится.");
            return "redirect:/portal/team/tokens";
        } catch (BusinessRuleViolation refused) {
            if (refused.kind() == BusinessRuleViolation.Kind.FORBIDDEN) {
                throw refused;
            }
            response.setStatus(refused.status().value());
            model.addAttribute("error", refused.getMessage());
            return show(0, name, model);
        }
    }

    @PostMapping("/{id}/revocation")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(caller.get(), id);
        redirect.addFlashAttribute("message", "Токен отозван: запросы с ним больше не принимаются.");
        return "redirect:/portal/team/tokens";
    }

    private String show(int page, String name, Model model) {
        Caller current = caller.get();
        Page<ApiToken> listed = tokens.list(current, PageRequest.of(Math.max(0, Math.min(page, PageQuery.MAX_PAGE)),
                PageQuery.DEFAULT_SIZE, NEWEST_FIRST));
        Map<Long, ApiTokenStatus> statuses = tokens.statusesOf(listed.getContent());
        model.addAttribute("tokens", ApiPage.of(listed, token -> token));
        model.addAttribute("statuses", statuses);
        model.addAttribute("name", name);
        return "portal/team/tokens";
    }
}
