package com.partnerflow.webhook;

import java.net.URI;
import java.util.Map;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.ApiPage;
import com.partnerflow.system.PageQuery;
import com.partnerflow.webhook.WebhookViews.DeliveryView;
import com.partnerflow.webhook.WebhookViews.EndpointRequest;
import com.partnerflow.webhook.WebhookViews.EndpointView;

@RestController
@RequestMapping(path = "/api/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Вебхуки", description = "A partner's endpoints that receive signed events of its requests (Standard Webhooks); "
        + "see docs/api.md «Webhooks» for the payload and how to verify a signature")
class WebhookController {

    private final WebhookService webhooks;
    private final CurrentCaller caller;

    WebhookController(WebhookService webhooks, CurrentCaller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register an endpoint of the caller's partner (partner employees); the answer shows its secret once",
            description = "422 for an address the server will not call (not https, an internal network, a name not in DNS); "
                    + "403 for anyone but a partner's employee; 409 when the partner has its maximum of endpoints.")
    ResponseEntity<EndpointView> register(@Valid @RequestBody EndpointRequest request) {
        WebhookEndpoint endpoint = webhooks.register(request.command(), caller.get());
        return ResponseEntity.created(URI.create("/api/webhooks/" + endpoint.getId())).body(EndpointView.withSecret(endpoint));
    }

    @GetMapping
    @Operation(summary = "The caller's partner's endpoints, without their secrets; sort: created, url")
    ApiPage<EndpointView> list(@ParameterObject @Valid PageQuery query) {
        return ApiPage.of(webhooks.list(caller.get(), query.pageable(Sort.by("id"),
                Map.of("created", "createdAt,id", "url", "url,id"))), EndpointView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One endpoint; another partner's reads like one that does not exist (404)")
    EndpointView get(@PathVariable long id) {
        return EndpointView.of(webhooks.find(id, caller.get()));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change an endpoint's address, events, description or pause it (active: false)",
            description = "The address is checked as on registration (422). Deliveries already written keep going to "
                    + "the endpoint's current address; a paused endpoint's pending ones are given up.")
    EndpointView change(@PathVariable long id, @Valid @RequestBody EndpointRequest request) {
        return EndpointView.of(webhooks.change(id, request.command(), caller.get()));
    }

    @PostMapping("/{id}/secret")
    @Operation(summary = "Replace the endpoint's secret at once; the answer shows the new one, once")
    EndpointView rotateSecret(@PathVariable long id) {
        return EndpointView.withSecret(webhooks.rotateSecret(id, caller.get()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an endpoint with its delivery log; nothing more is sent to it")
    void delete(@PathVariable long id) {
        webhooks.delete(id, caller.get());
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The endpoint's delivery log, newest first: each event with its attempts, last answer and next attempt")
    ApiPage<DeliveryView> deliveries(@PathVariable long id, @ParameterObject @Valid PageQuery query) {
        return ApiPage.of(webhooks.deliveries(id, caller.get(), query.pageable(Sort.by(Sort.Direction.DESC, "createdAt", "id"),
                Map.of("created", "createdAt,id"))), DeliveryView::of);
    }
}
