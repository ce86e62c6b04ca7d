package com.partnerflow.portal;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The portal's door: the installation's root and the login page. A partner employee who logs in lands on
 * {@link HomePage}; the vendor's people find the links to their webapps there.
 */
@Controller
class PortalController {

    /** The installation's address opens the portal (Cockpit, Tasklist and Admin stay at {@code /camunda/app/}). */
    @GetMapping("/")
    String root() {
        return "redirect:/portal";
    }

    @GetMapping(path = "/portal/login", produces = MediaType.TEXT_HTML_VALUE)
    String login(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() ? "redirect:/portal" : "portal/login";
    }
}
