package com.partnerflow.webhook;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.partnerflow.portal.PortalPage;
import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.ApiPage;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.PageQuery;
import com.partnerflow.webhook.WebhookViews.DeliveryView;
import com.partnerflow.webhook.WebhookViews.EndpointView;

/**
 * «Команда» → «Вебхуки» (ADR 0041, 0047): the partner's endpoints, registered (the secret shown once), paused and resumed,
 * given a new secret and deleted, with each one's delivery log; through {@link WebhookService}, the service of
 * {@code /api/webhooks}, as the same caller and with the same rules.
 */
@Controller
@RequestMapping(path = "/portal/team/webhooks", produces = MediaType.TEXT_HTML_VALUE)
class WebhookPages implements PortalPage {

    private static final String LIST = "portal/team/webhooks";

    private final WebhookService webhooks;
    private final CurrentCaller caller;

    WebhookPages(WebhookService webhooks, CurrentCaller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    /** What the registration form sends, kept to show it again after a refusal. */
    record Registration(String url, List<String> eventTypes, String description) {

        WebhookService.EndpointCommand command() {
            Set<EventType> types = EnumSet.noneOf(EventType.class);
            Arrays.stream(EventType.values()).filter(type -> eventTypes.contains(type.name())).forEach(types::add);
            return new WebhookService.EndpointCommand(url, types, description, true);
        }

        public boolean chose(EventType type) {
            return eventTypes.contains(type.name());
        }
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        return show(page, new Registration("https://", List.of(EventType.TASK_WAITING.name(), EventType.STATUS_CHANGED.name()), ""),
                model);
    }

    @PostMapping
    String register(@RequestParam(defaultValue = "") String url, @RequestParam(required = false) List<String> eventTypes,
                    @RequestParam(defaultValue = "") String description, Model model, HttpServletResponse response,
                    RedirectAttributes redirect) {
        Registration registration = new Registration(url, eventTypes == null ? List.of() : eventTypes, description);
        try {
            WebhookEndpoint endpoint = webhooks.register(registration.command(), caller.get());
            redirect.addFlashAttribute("secret", endpoint.getSecret());
            redirect.addFlashAttribute("message", "Адрес зарегистрирован. Скопируйте секрет подписи сейчас: больше он нигде не "
                    + "появится.");
            return "redirect:/portal/team/webhooks/" + endpoint.getId();
        } catch (BusinessRuleViolation refused) {
            if (refused.kind() == BusinessRuleViolation.Kind.FORBIDDEN) {
                throw refused;
            }
            response.setStatus(refused.status().value());
            model.addAttribute("error", refused.getMessage());
            return show(0, registration, model);
        }
    }

    @GetMapping("/{id}")
    String endpoint(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        EndpointView endpoint = EndpointView.of(webhooks.find(id, caller.get()));
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("deliveries", ApiPage.of(webhooks.deliveries(id, caller.get(), PageRequest.of(bounded(page),
                PageQuery.DEFAULT_SIZE, Sort.by(Sort.Direction.DESC, "createdAt", "id"))), DeliveryView::of));
        return "portal/team/webhook";
    }

    @PostMapping("/{id}/activity")
    String pause(@PathVariable long id, @RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
        WebhookEndpoint endpoint = webhooks.find(id, caller.get());
        webhooks.change(id, new WebhookService.EndpointCommand(endpoint.getUrl(), endpoint.eventTypes(), endpoint.getDescription(),
                active), caller.get());
        redirect.addFlashAttribute("message", active ? "Адрес снова получает события." : "Адрес приостановлен: новые события ему "
                + "не пишутся.");
        return "redirect:/portal/team/webhooks/" + id;
    }

    @PostMapping("/{id}/secret")
    String rotate(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("secret", webhooks.rotateSecret(id, caller.get()).getSecret());
        redirect.addFlashAttribute("message", "Новый секрет действует с этой минуты. Скопируйте его сейчас: больше он нигде не "
                + "появится.");
        return "redirect:/portal/team/webhooks/" + id;
    }

    @PostMapping("/{id}/deletion")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        webhooks.delete(id, caller.get());
        redirect.addFlashAttribute("message", "Адрес удален вместе с журналом доставок.");
        return "redirect:/portal/team/webhooks";
    }

    private String show(int page, Registration registration, Model model) {
        model.addAttribute("endpoints", ApiPage.of(webhooks.list(caller.get(), PageRequest.of(bounded(page), PageQuery.DEFAULT_SIZE,
                Sort.by("id"))), EndpointView::of));
        model.addAttribute("registration", registration);
        model.addAttribute("eventTypes", EventType.values());
        return LIST;
    }

    private static int bounded(int page) {
        return Math.max(0, Math.min(page, PageQuery.MAX_PAGE));
    }
}
