package com.partnerflow.portal;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.partnerflow.security.Caller;
import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.ApiPage;
import com.partnerflow.system.PageQuery;
import com.partnerflow.work.Inbox;
import com.partnerflow.work.RequestList;

/**
 * «Главная»: what a partner's day starts with — the tasks waiting for us ({@code GET /api/tasks}), the requests changed
 * since the last visit ({@code GET /api/requests?updatedSince=}) and the figures features contribute (the month's
 * charges); a client's products, installed extensions and requests. The vendor's people get the links to their webapps.
 */
@Controller
class HomePage implements PortalPage {

    /** How many tasks and requests the home page lists; the rest are a link away. */
    static final int SHORT_LIST = 10;

    private final Inbox inbox;
    private final RequestList requests;
    private final LastVisit visits;
    private final List<HomeContribution> contributions;
    private final StartForms forms;
    private final CurrentCaller caller;

    HomePage(Inbox inbox, RequestList requests, LastVisit visits, List<HomeContribution> contributions, StartForms forms,
             CurrentCaller caller) {
        this.inbox = inbox;
        this.requests = requests;
        this.visits = visits;
        this.contributions = contributions;
        this.forms = forms;
        this.caller = caller;
    }

    @GetMapping(path = "/portal", produces = MediaType.TEXT_HTML_VALUE)
    String show(@ModelAttribute("portal") PortalUser user, Model model, HttpSession session) {
        if (user.staff()) {
            return "portal/staff";
        }
        Caller current = caller.get();
        model.addAttribute("tasks", ApiPage.of(inbox.list(current, Inbox.Filter.NONE, first()), task -> task));
        model.addAttribute("forms", forms.of(user));
        if (user.client()) {
            model.addAttribute("requests", ApiPage.of(requests.list(current, RequestList.Filter.NONE, first()), request -> request));
            model.addAttribute("tables", contributions.stream().flatMap(contribution -> contribution.tables(user).stream())
                    .sorted(Comparator.comparingInt(HomeContribution.Table::order)).toList());
            return "portal/client-home";
        }
        var since = visits.previous(user.userId(), session);
        model.addAttribute("since", since);
        model.addAttribute("changed", ApiPage.of(requests.list(current,
                new RequestList.Filter(null, null, null, since), first()), request -> request));
        model.addAttribute("cards", contributions.stream().flatMap(contribution -> contribution.cards(user).stream())
                .sorted(Comparator.comparingInt(HomeContribution.Card::order)).toList());
        return "portal/home";
    }

    private static PageQuery first() {
        return new PageQuery(0, SHORT_LIST, null);
    }
}
