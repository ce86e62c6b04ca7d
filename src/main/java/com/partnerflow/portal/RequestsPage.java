package com.partnerflow.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.partnerflow.security.Caller;
import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.ApiPage;
import com.partnerflow.system.BadParameter;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.PageQuery;
import com.partnerflow.work.Inbox;
import com.partnerflow.work.RequestKind;
import com.partnerflow.work.RequestList;
import com.partnerflow.work.RequestRegistry;
import com.partnerflow.work.RequestSource;
import com.partnerflow.work.RequestTimeline;
import com.partnerflow.work.RequestView;
import com.partnerflow.work.TaskView;
import com.partnerflow.work.TimelineStep;

/**
 * «Заявки»: every request of the partner (or the client) across all processes, exactly as {@code GET /api/requests}
 * lists them, with its filters as a GET form; and one request's page: its card ({@code GET /api/requests/{kind}/{id}}),
 * its timeline, the open tasks the reader may work on (each as {@code GET /api/tasks/{id}} finds it, with its Tasklist
 * link) and its documents. Another partner's request reads «не найден», whatever id is typed.
 */
@Controller
class RequestsPage implements PortalPage {

    /** The sort orders a person chooses from: the API's keys. */
    private static final Map<String, String> SORTS = new LinkedHashMap<>(Map.of("-updated", "сначала недавно измененные"));

    static {
        SORTS.put("due", "по сроку, ближайший первым");
        SORTS.put("-created", "сначала новые");
    }

    /** The form's values as the person typed them, echoed back; {@code status} is {@code kind:STATUS}. */
    record Form(String kind, String status, String subscriber, String since, String sort) {

        String query() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("kind", kind);
            fields.put("status", status);
            fields.put("subscriber", subscriber);
            fields.put("since", since);
            fields.put("sort", sort);
            String query = fields.entrySet().stream().filter(field -> field.getValue() != null && !field.getValue().isBlank())
                    .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return "/portal/requests?" + (query.isEmpty() ? "" : query + "&");
        }
    }

    record Option(String value, String label) {
    }

    record StatusGroup(String label, List<Option> options) {
    }

    record Document(String label, String href) {
    }

    private final RequestList requests;
    private final RequestTimeline timelines;
    private final RequestRegistry registry;
    private final Inbox inbox;
    private final StartForms forms;
    private final CurrentCaller caller;
    private final Clock clock;

    RequestsPage(RequestList requests, RequestTimeline timelines, RequestRegistry registry, Inbox inbox, StartForms forms,
                 CurrentCaller caller, Clock clock) {
        this.requests = requests;
        this.timelines = timelines;
        this.registry = registry;
        this.inbox = inbox;
        this.forms = forms;
        this.caller = caller;
        this.clock = clock;
    }

    @GetMapping(path = "/portal/requests", produces = MediaType.TEXT_HTML_VALUE)
    String list(@ModelAttribute("portal") PortalUser user, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String status, @RequestParam(required = false) String subscriber,
                @RequestParam(required = false) String since, @RequestParam(required = false) String sort,
                @RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
        if (user.staff()) {
            return "redirect:/portal";
        }
        Form form = new Form(blank(kind), blank(status), blank(subscriber), blank(since), blank(sort));
        Map<String, String> errors = new LinkedHashMap<>();
        RequestList.Filter filter = filter(form, errors);
        String order = form.sort() == null ? null : SORTS.containsKey(form.sort()) ? form.sort() : null;
        if (form.sort() != null && order == null) {
            errors.put("sort", "Такого порядка нет: выберите его из списка.");
        }
        Page<RequestView> found = Page.empty();
        if (errors.isEmpty()) {
            try {
                found = requests.list(caller.get(), filter,
                        new PageQuery(Math.max(0, Math.min(page, PageQuery.MAX_PAGE)), PageQuery.DEFAULT_SIZE, order));
            } catch (BadParameter refused) {
                errors.put(refused.parameter(), refused.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("requests", ApiPage.of(found, request -> request));
        model.addAttribute("link", form.query());
        model.addAttribute("kinds", registry.sources().stream().sorted(Comparator.comparing(RequestSource::kind))
                .map(source -> new Option(source.kind().path(), source.name())).toList());
        model.addAttribute("statuses", statusGroups());
        model.addAttribute("sorts", SORTS.entrySet().stream().map(entry -> new Option(entry.getKey(), entry.getValue())).toList());
        model.addAttribute("forms", forms.of(user));
        return "portal/requests/list";
    }

    @GetMapping(path = "/portal/requests/{kind}/{id}", produces = MediaType.TEXT_HTML_VALUE)
    String one(@ModelAttribute("portal") PortalUser user, @PathVariable RequestKind kind, @PathVariable String id, Model model) {
        if (user.staff()) {
            return "redirect:/portal";
        }
        Caller current = caller.get();
        RequestView request = requests.one(kind, id, current);
        List<TimelineStep> steps = timelines.of(kind, id, current);
        List<TaskView> ours = steps.stream()
                .filter(step -> step.state() == TimelineStep.TaskState.OPEN && step.taskId() != null)
                .map(step -> workable(step.taskId(), current)).flatMap(Optional::stream).toList();
        RequestSource source = registry.of(kind);
        model.addAttribute("request", request);
        model.addAttribute("steps", steps);
        model.addAttribute("tasks", ours);
        model.addAttribute("documents", source.documents(id).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(document -> new Document(document.getKey(), document.getValue())).toList());
        model.addAttribute("page", source.page(id).orElse(null));
        return "portal/requests/request";
    }

    /** The open task as {@code GET /api/tasks/{id}} gives it to the reader, or empty when it is not theirs to work on. */
    private Optional<TaskView> workable(String taskId, Caller current) {
        try {
            return Optional.of(inbox.find(taskId, current));
        } catch (BusinessRuleViolation notTheirs) {
            return Optional.empty();
        }
    }

    /** The API's filter from the form; what cannot be read is told next to its field and nothing is listed. */
    private RequestList.Filter filter(Form form, Map<String, String> errors) {
        RequestKind kind = null;
        if (form.kind() != null) {
            kind = RequestKind.ofPath(form.kind()).orElse(null);
            if (kind == null) {
                errors.put("kind", "Такого вида заявок нет: выберите его из списка.");
            }
        }
        String status = null;
        if (form.status() != null) {
            String[] parts = form.status().split(":", 2);
            Optional<RequestKind> statusKind = RequestKind.ofPath(parts[0]);
            if (parts.length < 2 || statusKind.isEmpty() || Arrays.stream(registry.of(statusKind.get()).statusType().getEnumConstants())
                    .noneMatch(constant -> constant.name().equals(parts[1]))) {
                errors.put("status", "Такого статуса нет: выберите его из списка.");
            } else if (kind != null && kind != statusKind.get()) {
                errors.put("status", "Этот статус — у заявок другого вида: выберите вид «все» или статус этого вида.");
            } else {
                kind = statusKind.get();
                status = parts[1];
            }
        }
        Instant since = null;
        if (form.since() != null) {
            try {
                since = LocalDate.parse(form.since()).atStartOfDay(clock.getZone()).toInstant();
            } catch (DateTimeParseException unreadable) {
                errors.put("since", "Дата — в виде ДД.ММ.ГГГГ, например 01.12.2026.");
            }
        }
        return new RequestList.Filter(kind, status, form.subscriber(), since);
    }

    private List<StatusGroup> statusGroups() {
        List<StatusGroup> groups = new ArrayList<>();
        registry.sources().stream().sorted(Comparator.comparing(RequestSource::kind)).forEach(source -> groups.add(new StatusGroup(
                source.name(), Arrays.stream(source.statusType().getEnumConstants())
                .map(constant -> new Option(source.kind().path() + ":" + constant.name(), source.statusLabel(constant.name()))).toList())));
        return groups;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
