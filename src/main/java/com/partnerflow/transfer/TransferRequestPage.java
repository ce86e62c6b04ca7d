package com.partnerflow.transfer;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.partnerflow.partner.Partner;
import com.partnerflow.security.CurrentCaller;
import com.partnerflow.security.SystemCalls;
import com.partnerflow.system.DateLabels;
import com.partnerflow.system.ProcessHistory;
import com.partnerflow.system.RequestPage;

/**
 * «Запрос на перевод № N» for people: the request, its history from the domain (who did what, when, why) and its
 * tasks from the engine's history (what was asked of whom, by when). The forms link here instead of the JSON of
 * {@code GET /api/transfers/{id}}; the same {@link TransferService#find} decides who may read it, so a partner not
 * involved reads «не найден».
 */
@Controller
class TransferRequestPage implements RequestPage {

    private final TransferService transfers;
    private final ProcessHistory history;
    private final SystemCalls system;
    private final DateLabels dates;
    private final CurrentCaller caller;

    TransferRequestPage(TransferService transfers, ProcessHistory history, SystemCalls system, DateLabels dates,
                        CurrentCaller caller) {
        this.transfers = transfers;
        this.history = history;
        this.system = system;
        this.dates = dates;
        this.caller = caller;
    }

    /** The page's address, for the forms and mails that link to it. */
    static String path(long transferId) {
        return "/requests/transfers/" + transferId;
    }

    @GetMapping(path = "/requests/transfers/{id}", produces = MediaType.TEXT_HTML_VALUE)
    String show(@PathVariable long id, Model model) {
        TransferRequest transfer = transfers.find(id, caller.get());
        // who may read the request is decided above; the engine's history of the vendor's steps is read for them
        List<Event> events = system.call(() -> transfer.getHistory().stream()
                .map(event -> new Event(dates.dateTime(event.occurredAt()), event.step().label(),
                        history.personName(event.actor()), event.comment()))
                .toList());
        model.addAttribute("transfer", transfer);
        model.addAttribute("status", transfer.getStatus().label());
        model.addAttribute("currentPartner", label(transfer.getFromPartner()));
        model.addAttribute("newPartner", label(transfer.getToPartner()));
        model.addAttribute("submittedBy", system.call(() -> history.personName(transfer.getSubmittedBy())));
        model.addAttribute("requestedPartner", transfer.getRequestedPartner().map(RequestedPartner::label).orElse("не указан"));
        model.addAttribute("letterDate", dates.date(transfer.getLetterDate()));
        model.addAttribute("createdAt", dates.dateTime(transfer.getCreatedAt()));
        model.addAttribute("events", events);
        model.addAttribute("tasks", system.call(() -> history.tasks(TransferProcess.KEY, String.valueOf(id))));
        return "requests/transfer";
    }

    private static String label(Partner partner) {
        return RequestedPartner.label(partner.getName(), partner.getCode());
    }

    /** One line of the request's history, as the page shows it. */
    record Event(String at, String what, String who, String comment) {
    }
}
