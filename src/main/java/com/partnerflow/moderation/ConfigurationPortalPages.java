package com.partnerflow.moderation;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.partnerflow.portal.PortalPage;
import com.partnerflow.portal.PortalUser;

/**
 * «Конфигурации» in the partner portal (ADR 0046): the accounts the partner manages or works in and the invitations
 * waiting for it, the configurations it sees with their moderation status and the moderator's latest answer, one
 * account's page and one configuration's page. Read as {@code /api/configurations} and {@code /api/configuration-accounts}
 * read them: what the partner may not see is «не найдено».
 */
@Controller
@RequestMapping(path = "/portal/configurations", produces = MediaType.TEXT_HTML_VALUE)
class ConfigurationPortalPages implements PortalPage {

    private final ConfigurationPortalViews views;

    ConfigurationPortalPages(ConfigurationPortalViews views) {
        this.views = views;
    }

    @GetMapping
    String list(@ModelAttribute("portal") PortalUser user, Model model,
                @RequestParam(required = false) ConfigurationStatus status, @RequestParam(required = false) Long account,
                @RequestParam(defaultValue = "false") boolean own, @RequestParam(required = false) String sort,
                @RequestParam(defaultValue = "0") int page) {
        ConfigurationPortalViews.requirePartner(user);
        return views.listPage(new ConfigurationFilter(own, status, account, null), page, sort, user, model);
    }

    @GetMapping("/accounts/{id}")
    String account(@ModelAttribute("portal") PortalUser user, @PathVariable long id, @RequestParam(defaultValue = "0") int page,
                   Model model) {
        ConfigurationPortalViews.requirePartner(user);
        return views.accountPage(id, page, user, model);
    }

    @GetMapping("/{id}")
    String configuration(@ModelAttribute("portal") PortalUser user, @PathVariable long id, Model model) {
        ConfigurationPortalViews.requirePartner(user);
        return views.configurationPage(id, user, model);
    }
}
