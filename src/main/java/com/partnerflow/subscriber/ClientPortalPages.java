package com.partnerflow.subscriber;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import com.partnerflow.portal.PortalPage;
import com.partnerflow.portal.PortalUser;
import com.partnerflow.security.Caller;
import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.ApiPage;
import com.partnerflow.system.PageQuery;
import com.partnerflow.work.RequestList;
import com.partnerflow.work.RequestView;

/**
 * «Клиенты» of the partner portal (ADR 0046): the list is {@code GET /api/subscribers} (the same service method, filter
 * and order), one client's page {@code GET /api/subscribers/{number}} with its periods of service, its products, its
 * data areas with what is installed ({@code .../data-areas}) and its requests ({@code GET /api/requests?subscriber=}).
 */
@Controller
class ClientPortalPages implements PortalPage {

    static final int MAX_SEARCH = 100;
    static final int REQUESTS_SHOWN = 50;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final String TASKLIST_START = "/camunda/app/tasklist/default/#/?processStart=";

    private final SubscriberService subscribers;
    private final InstalledExtensions installed;
    private final RequestList requests;
    private final CurrentCaller caller;
    private final Clock clock;

    ClientPortalPages(SubscriberService subscribers, InstalledExtensions installed, RequestList requests, CurrentCaller caller,
                      Clock clock) {
        this.subscribers = subscribers;
        this.installed = installed;
        this.requests = requests;
        this.caller = caller;
        this.clock = clock;
    }

    @GetMapping(path = "/portal/clients", produces = MediaType.TEXT_HTML_VALUE)
    String list(@ModelAttribute("portal") PortalUser user, @RequestParam(required = false) String search,
                @RequestParam(required = false) SubscriberStatus status, @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "" + PageQuery.DEFAULT_SIZE) int size, Model model, HttpServletResponse response) {
        if (user.staff()) {
            return "redirect:/portal"; // the vendor's people work in their webapps (ADR 0046)
        }
        String text = search == null ? "" : search.strip();
        model.addAttribute("search", text);
        model.addAttribute("status", status);
        model.addAttribute("statuses", SubscriberStatus.values());
        if (text.length() > MAX_SEARCH) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("searchError", "Поиск — не длиннее " + MAX_SEARCH + " символов: начало номера или ИНН, или часть наименования.");
            return "portal/clients/list";
        }
        Caller current = caller.get();
        var query = new PageQuery(Math.min(Math.max(page, 0), PageQuery.MAX_PAGE), Math.min(Math.max(size, 1), PageQuery.MAX_SIZE), null);
        // the order and sort keys of GET /api/subscribers (its default: by number)
        var found = subscribers.list(current, new SubscriberFilter(status, text.isEmpty() ? null : text, false),
                query.pageable(Sort.by("number", "id")));
        ApiPage<ClientRow> rows = ApiPage.of(found, listed -> ClientRow.of(listed, installed.of(listed.subscriber().getNumber(), current)));
        model.addAttribute("clients", rows);
        model.addAttribute("link", listLink(text, status, query.size()));
        return "portal/clients/list";
    }

    @GetMapping(path = "/portal/clients/{number}", produces = MediaType.TEXT_HTML_VALUE)
    String client(@ModelAttribute("portal") PortalUser user, @PathVariable String number, Model model) {
        if (user.staff()) {
            return "redirect:/portal";
        }
        Caller current = caller.get();
        Subscriber subscriber = subscribers.card(number, current); // another partner's client: 404, as the API's
        model.addAttribute("client", subscriber);
        model.addAttribute("statusClass", badgeOf(subscriber.getStatus()));
        model.addAttribute("periods", subscriber.getAssignments().stream().map(this::period).toList());
        model.addAttribute("statusChanges", subscriber.getStatusChanges().stream().map(this::statusChange).toList());
        model.addAttribute("products", subscribers.products(number, current).stream().map(ClientPortalPages::product).toList());
        model.addAttribute("areas", installed.of(number, current).stream().map(this::area).toList());
        ApiPage<RequestView> found = ApiPage.of(requests.list(current, new RequestList.Filter(null, null, subscriber.getNumber(), null),
                new PageQuery(0, REQUESTS_SHOWN, null)), view -> view);
        model.addAttribute("requests", found);
        model.addAttribute("requestRows", found.content().stream().map(this::request).toList());
        model.addAttribute("startReporting", TASKLIST_START + "reporting-extension-application");
        model.addAttribute("startTransfer", TASKLIST_START + "subscriber-transfer");
        return "portal/clients/client";
    }

    /** The list's address with its filters, ending so that the pager can add {@code page=}. */
    private static String listLink(String search, SubscriberStatus status, int size) {
        var link = UriComponentsBuilder.fromPath("/portal/clients")
                .queryParamIfPresent("search", Optional.of(search).filter(text -> !text.isEmpty()))
                .queryParamIfPresent("status", Optional.ofNullable(status))
                .queryParamIfPresent("size", Optional.of(size).filter(chosen -> chosen != PageQuery.DEFAULT_SIZE))
                .encode().build().toUriString();
        return link + (link.contains("?") ? "&" : "?");
    }

    /** The badge of a status (seed 003) in portal.css's colors. */
    static String badgeOf(SubscriberStatus status) {
        return switch (status) {
            case ACTIVE -> "ok";
            case PENDING_CONFIRMATION -> "warn";
            case SUSPENDED -> "bad";
            case INACTIVE -> "off";
        };
    }

    /** A row of the list: everything as the page shows it. */
    record ClientRow(String number, String name, String inn, String statusLabel, String statusClass, List<String> dataAreas,
                     List<String> products, List<String> extensions) {

        static ClientRow of(SubscriberService.Listed listed, List<InstalledExtensions.AreaExtensions> areas) {
            Subscriber subscriber = listed.subscriber();
            return new ClientRow(subscriber.getNumber(), subscriber.getName(), subscriber.getInn(), subscriber.getStatus().label(),
                    badgeOf(subscriber.getStatus()),
                    listed.dataAreas().stream().map(area -> "№ " + area.getNumber() + " «" + area.getApplicationName() + "» "
                            + area.getApplicationVersion()).toList(),
                    listed.products().stream().map(ClientPortalPages::product).map(ProductRow::summary).toList(),
                    areas.stream().flatMap(area -> area.installed().stream().map(extension -> "«" + extension.extensionName() + "» "
                            + extension.version() + " (база № " + area.number() + ")")).toList());
        }
    }

    record ProductRow(String name, String multiUserMode, String tier, String since) {

        String summary() {
            return name + ": многопользовательский режим " + multiUserMode.toLowerCase() + (tier == null ? "" : ", " + tier);
        }
    }

    private static ProductRow product(SubscriberProduct product) {
        MultiUserTier tier = product.getMultiUserTier();
        return new ProductRow(product.getProduct().label(), product.isMultiUserMode() ? "Включен" : "Выключен",
                tier == null ? null : "пользователей " + tier.label(),
                product.getMultiUserSince() == null ? null : product.getMultiUserSince().format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
    }

    record PeriodRow(String partner, String since, String until, boolean current, String transferLink, String transferId) {
    }

    private PeriodRow period(SubscriberAssignment period) {
        String transfer = period.getTransferId() == null ? null : String.valueOf(period.getTransferId());
        return new PeriodRow(period.getPartner().getCode() + " «" + period.getPartner().getName() + "»", when(period.getSince()),
                period.getEndedAt() == null ? "по настоящее время" : when(period.getEndedAt()), period.getEndedAt() == null,
                transfer == null ? null : "/portal/requests/transfers/" + transfer, transfer);
    }

    record StatusChangeRow(String when, String to, String toClass, String reason, String by) {
    }

    private StatusChangeRow statusChange(StatusChange change) {
        return new StatusChangeRow(when(change.getChangedAt()), change.getTo().label(), badgeOf(change.getTo()), change.getReason(),
                change.getChangedBy());
    }

    record AreaRow(String title, List<String> installed) {
    }

    private AreaRow area(InstalledExtensions.AreaExtensions area) {
        return new AreaRow("№ " + area.number() + " «" + area.applicationName() + "» " + area.applicationVersion(),
                area.installed().stream().map(extension -> "«" + extension.extensionName() + "» " + extension.version()
                        + " — установил " + extension.installedBy() + " " + when(extension.installedAt())).toList());
    }

    record RequestRow(String link, String kindName, String id, String statusLabel, String currentStep, String updated) {
    }

    private RequestRow request(RequestView view) {
        return new RequestRow("/portal/requests/" + view.kind().path() + "/" + view.id(), view.kindName(), view.id(),
                view.statusLabel(), view.currentStep(), when(view.updated()));
    }

    private String when(Instant moment) {
        return moment == null ? "" : DATE_TIME.format(moment.atZone(clock.getZone()));
    }
}
