package com.partnerflow.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.partnerflow.notification.PublicLinks;
import com.partnerflow.work.Party;
import com.partnerflow.work.RequestKind;
import com.partnerflow.work.RequestRegistry;

/**
 * The words of the portal's pages for what the API names in codes (who must act, decisions, documents, kinds of
 * request), whether a due date has passed, and the Tasklist link of a task. Templates reach it as {@code @portalLabels}.
 */
@Component("portalLabels")
public class PortalLabels {

    private static final Map<Party, String> PARTIES = Map.of(Party.PARTNER, "партнер", Party.VENDOR, "сотрудники фирмы",
            Party.CLIENT, "клиент", Party.FINANCE, "финансовая служба", Party.AUDITOR, "аудиторы доработок",
            Party.MODERATOR, "модераторы конфигураций");

    /** Every process's decisions are named from this small vocabulary (docs/processes/). */
    private static final Map<String, String> DECISIONS = Map.ofEntries(Map.entry("FORWARD", "передано дальше"),
            Map.entry("RETURN", "возвращено на исправление"), Map.entry("REJECT", "отклонено"), Map.entry("AGREE", "согласовано"),
            Map.entry("OBJECT", "возражение"), Map.entry("APPROVE", "одобрено"), Map.entry("REQUIRE_CHANGES", "нужны исправления"),
            Map.entry("REQUEST_CHANGES", "нужны исправления"), Map.entry("CONFIRM", "подтверждено"),
            Map.entry("SEND_BACK", "возвращено партнеру"), Map.entry("RESUBMIT", "отправлено повторно"), Map.entry("WITHDRAW", "отозвано"));

    private static final Map<String, String> DOCUMENTS = Map.of("letter", "Письмо клиента", "file", "Файл версии доработки",
            "charges", "Начисления сверки, CSV");

    private final RequestRegistry registry;
    private final Clock clock;

    PortalLabels(RequestRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** «Перевод абонента». */
    public String kind(RequestKind kind) {
        return registry.of(kind).name();
    }

    /** Whether a due date has passed. */
    public boolean overdue(Instant due) {
        return due != null && due.isBefore(clock.instant());
    }

    /** The task opened in Tasklist, within the application (the portal shares Tasklist's login). */
    public String tasklist(String taskId) {
        return PublicLinks.taskPath(taskId);
    }

    /** The portal's page of a request. */
    public String page(RequestKind kind, String id) {
        return "/portal/requests/" + kind.path() + "/" + id;
    }

    /** «партнер, сотрудники фирмы»; a dash when nobody must act. */
    public String parties(Set<Party> parties) {
        return parties == null || parties.isEmpty() ? "—"
                : parties.stream().sorted().map(PARTIES::get).collect(Collectors.joining(", "));
    }

    /** A decision in Russian; an unknown one as it is. */
    public String decision(String decision) {
        return decision == null ? null : DECISIONS.getOrDefault(decision, decision);
    }

    /** A document's name for people. */
    public String document(String name) {
        return DOCUMENTS.getOrDefault(name, "Документ «" + name + "»");
    }
}
