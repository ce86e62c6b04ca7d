package com.partnerflow.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.partnerflow.security.CurrentCaller;
import com.partnerflow.security.SystemCalls;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.system.DateLabels;
import com.partnerflow.system.ProcessHistory;
import com.partnerflow.system.RequestPage;

/**
 * «Версия доработки № N» for people: the version, what happened to it (submission, the auditors' findings round by
 * round, the decision, the publication) and its tasks from the engine's history. The audit forms link here instead of
 * the JSON of {@code GET /api/extension-versions/{id}}; the same {@link ExtensionService#findVersion} decides who may
 * read it, so another partner reads «не найдена».
 */
@Controller
class VersionRequestPage implements RequestPage {

    private final ExtensionService extensions;
    private final ProcessHistory history;
    private final SystemCalls system;
    private final DateLabels dates;
    private final CurrentCaller caller;

    VersionRequestPage(ExtensionService extensions, ProcessHistory history, SystemCalls system, DateLabels dates,
                       CurrentCaller caller) {
        this.extensions = extensions;
        this.history = history;
        this.system = system;
        this.dates = dates;
        this.caller = caller;
    }

    @GetMapping(path = "/requests/extension-versions/{id}", produces = MediaType.TEXT_HTML_VALUE)
    String show(@PathVariable long id, Model model) {
        ExtensionVersion version = extensions.findVersion(id, caller.get());
        Extension extension = version.getExtension();
        model.addAttribute("version", version);
        model.addAttribute("extension", extension);
        model.addAttribute("status", version.getStatus().label());
        model.addAttribute("kind", extension.getKind().label());
        model.addAttribute("developer", extension.maintainer().getName() + ", код " + extension.maintainer().getCode());
        model.addAttribute("distribution", version.getDistribution().label() + (version.getRecipients().isEmpty() ? ""
                : ": " + version.getRecipients().stream().map(Subscriber::getNumber).collect(Collectors.joining(", "))));
        model.addAttribute("auditDue", dates.dateTime(version.getAuditDueAt()));
        // who may read the version is decided above; the engine's history of the audit is read for them
        model.addAttribute("events", system.call(() -> events(version)));
        model.addAttribute("tasks", system.call(() -> history.tasks(ExtensionAuditProcess.KEY, String.valueOf(id))));
        return "requests/extension-version";
    }

    /** What the domain recorded, oldest first: the latest submission, every finding, the decision, the publication. */
    private List<Event> events(ExtensionVersion version) {
        List<Timed> timed = new ArrayList<>();
        timed.add(new Timed(version.getSubmittedAt(), "Версия отправлена на аудит (раунд " + Math.max(1, version.getAuditRound()) + ")",
                version.getSubmittedBy(), version.getChangeNotes()));
        for (AuditFinding finding : version.getFindings()) {
            timed.add(new Timed(finding.getRecordedAt(), "Раунд " + finding.getRound() + ": замечание «" + finding.getCategory().label()
                    + "» (" + finding.getSeverity().label().toLowerCase() + ")", finding.getRecordedBy(), finding.getDescription()));
        }
        if (version.getDecidedAt() != null) {
            timed.add(new Timed(version.getDecidedAt(), "Решение аудита: " + version.getStatus().label().toLowerCase(),
                    version.getDecidedBy(), version.getAuditComment()));
        }
        if (version.getPublishedAt() != null) {
            timed.add(new Timed(version.getPublishedAt(), "Опубликована: клиенты, которым она предназначена, могут ее установить",
                    null, null));
        }
        return timed.stream().sorted(Comparator.comparing(Timed::at))
                .map(event -> new Event(dates.dateTime(event.at()), event.what(), history.personName(event.who()), event.comment()))
                .toList();
    }

    private record Timed(Instant at, String what, String who, String comment) {
    }

    /** One line of the version's history, as the page shows it. */
    record Event(String at, String what, String who, String comment) {
    }
}
