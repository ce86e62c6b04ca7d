package com.partnerflow.partner;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.partnerflow.system.BusinessRuleViolation;

/**
 * The page of an invitation link (ADR 0047), open without a login: the new employee sets the first password, once. An
 * unusable link (used, expired, replaced, its employee deactivated) is a 404 that tells them to ask for a new one.
 * The link's secret is in the address, so the page sends no referrer and is never stored by a cache.
 */
@Controller
class InvitationPage {

    static final String PATH = "/portal/invitation/";
    private static final String VIEW = "portal/team/invitation";

    private final TeamService team;

    InvitationPage(TeamService team) {
        this.team = team;
    }

    @GetMapping(path = PATH + "{secret}", produces = MediaType.TEXT_HTML_VALUE)
    String show(@PathVariable String secret, Model model, HttpServletResponse response) {
        privately(response);
        return team.invitation(secret).map(invited -> {
            model.addAttribute("invited", invited);
            model.addAttribute("secret", secret);
            return VIEW;
        }).orElseGet(() -> dead(model, response));
    }

    @PostMapping(path = PATH + "{secret}", produces = MediaType.TEXT_HTML_VALUE)
    String accept(@PathVariable String secret, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String repeated, Model model, HttpServletResponse response) {
        privately(response);
        try {
            team.acceptInvitation(secret, password, repeated);
            return "redirect:" + PATH + "done";
        } catch (InvalidForm refused) {
            response.setStatus(refused.status().value());
            model.addAttribute("errors", refused.fields());
            return show(secret, model, response);
        } catch (BusinessRuleViolation refused) {
            return dead(model, response);
        }
    }

    @GetMapping(path = PATH + "done", produces = MediaType.TEXT_HTML_VALUE)
    String done(Model model) {
        model.addAttribute("done", true);
        return VIEW;
    }

    private static String dead(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("dead", true);
        return VIEW;
    }

    private static void privately(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }
}
