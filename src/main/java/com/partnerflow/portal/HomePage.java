package com.partnerflow.portal;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** «Главная»: what a partner's (or a client's) day starts with; the vendor's people get the links to their webapps. */
@Controller
class HomePage implements PortalPage {

    @GetMapping(path = "/portal", produces = MediaType.TEXT_HTML_VALUE)
    String show(@ModelAttribute("portal") PortalUser user, Model model) {
        return switch (user.kind()) {
            case STAFF -> "portal/staff";
            case CLIENT -> "portal/client-home";
            case PARTNER -> "portal/home";
        };
    }
}
