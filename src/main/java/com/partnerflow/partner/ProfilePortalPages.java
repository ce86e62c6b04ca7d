package com.partnerflow.partner;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.partnerflow.portal.PortalPage;
import com.partnerflow.portal.PortalUser;
import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.PageQuery;

/**
 * The portal's «Профиль» (ADR 0049): the partner's details, status, discount, certification and restricted
 * applications ({@code GET /api/partners/{code}}'s {@link PartnerProfiles}), its requests to change the details
 * ({@code GET /api/profile-changes}), and the form that asks vendor staff for a change ({@code POST /api/profile-changes}:
 * the same process start). Only a partner's employees have a profile; anyone else reads «не найден».
 */
@Controller
class ProfilePortalPages implements PortalPage {

    private static final int HISTORY = 10;

    private final PartnerProfiles profiles;
    private final ProfileChangeService changes;
    private final ProfileChangeCommands commands;
    private final CurrentCaller caller;

    ProfilePortalPages(PartnerProfiles profiles, ProfileChangeService changes, ProfileChangeCommands commands, CurrentCaller caller) {
        this.profiles = profiles;
        this.changes = changes;
        this.commands = commands;
        this.caller = caller;
    }

    @GetMapping(path = "/portal/profile", produces = MediaType.TEXT_HTML_VALUE)
    String show(@ModelAttribute("portal") PortalUser user, Model model) {
        model.addAttribute("profile", profileOf(user));
        model.addAttribute("history", changes.list(caller.get(), new ProfileChangeFilter(null, null, null),
                new PageQuery(0, HISTORY, null).pageable(Sort.by(Sort.Direction.DESC, "requestedAt", "id"), Map.of())).getContent());
        return "portal/profile/show";
    }

    @GetMapping(path = "/portal/profile/change", produces = MediaType.TEXT_HTML_VALUE)
    String changeForm(@ModelAttribute("portal") PortalUser user, Model model) {
        return form(profileOf(user), new ProposeProfileChange(null, null, null, null, null), Map.of(), null, model);
    }

    @PostMapping(path = "/portal/profile/change", produces = MediaType.TEXT_HTML_VALUE)
    String change(@ModelAttribute("portal") PortalUser user, ProposeProfileChange form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        PartnerProfiles.Profile profile = profileOf(user);
        try {
            long id = commands.request(form);
            redirect.addFlashAttribute("notice", "Запрос № " + id + " на изменение данных отправлен фирме. Решение придет на почту партнера.");
            return "redirect:/portal/profile";
        } catch (ProfileChangeRefused refused) {
            response.setStatus(refused.status().value());
            return form(profile, form, refused.fieldErrors(), refused.getMessage(), model);
        } catch (BusinessRuleViolation refused) {
            response.setStatus(refused.status().value());
            return form(profile, form, Map.of(), refused.getMessage(), model);
        }
    }

    @GetMapping(path = "/portal/profile/changes/{id}", produces = MediaType.TEXT_HTML_VALUE)
    String request(@ModelAttribute("portal") PortalUser user, @PathVariable long id, Model model) {
        model.addAttribute("change", changes.find(id, caller.get()));
        return "portal/profile/request";
    }

    private String form(PartnerProfiles.Profile profile, ProposeProfileChange form, Map<String, String> errors, String refusal, Model model) {
        model.addAttribute("profile", profile);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("refusal", refusal);
        return "portal/profile/change";
    }

    /** The profile of the person's partner, read as the API reads it; a client or the vendor's people have none. */
    private PartnerProfiles.Profile profileOf(PortalUser user) {
        String code = user.partnerCode().filter(any -> user.partner()).orElseThrow(() -> new BusinessRuleViolation(
                BusinessRuleViolation.Kind.NOT_FOUND, "Профиль партнера есть только у сотрудников партнера."));
        return profiles.of(code, caller.get());
    }
}
