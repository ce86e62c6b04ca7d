package com.partnerflow.subscriber;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.ApiPage;
import com.partnerflow.system.PageQuery;

@RestController
@RequestMapping("/api/subscribers")
@Validated
@Tag(name = "Subscribers", description = "The organization card of a subscriber")
class SubscriberController {

    private final SubscriberService subscribers;
    private final CurrentCaller caller;

    SubscriberController(SubscriberService subscribers, CurrentCaller caller) {
        this.subscribers = subscribers;
        this.caller = caller;
    }

    @GetMapping
    @Operation(summary = "Subscribers the caller sees, with status, data areas and products",
            description = "Paged (ADR 0044). A partner's employees: the clients their partner serves now; a client user: the "
                    + "organizations it acts for; vendor staff: all. Filters: status, search (the number from its start or "
                    + "any part of the name), own=true (only the organizations the caller acts for as a client user: what "
                    + "the installation and removal forms offer). Sort keys: number, name (default number).")
    ApiPage<SubscriberListView> list(@ParameterObject @Valid PageQuery query,
                                     @Parameter(description = "Только в этом статусе") @RequestParam(required = false) SubscriberStatus status,
                                     @Parameter(description = "Начало номера или ИНН, или часть наименования")
                                     @RequestParam(required = false) @Size(max = 100, message = "search: не длиннее 100 символов") String search,
                                     @Parameter(description = "Только организации, от имени которых действует пользователь клиента")
                                     @RequestParam(defaultValue = "false") boolean own) {
        Pageable page = query.pageable(Sort.by("number", "id"), Map.of("number", "number,id", "name", "name,id"));
        return ApiPage.of(subscribers.list(caller.get(), new SubscriberFilter(status, search, own), page), SubscriberListView::of);
    }

    /** A subscriber in the list: its card's status, its data areas (with their programs) and its products. */
    record SubscriberListView(String number, String name, String inn, SubscriberStatus status, String statusLabel, String partner,
                              List<DataAreaSummary> dataAreas, List<ProductView> products) {

        static SubscriberListView of(SubscriberService.Listed listed) {
            Subscriber subscriber = listed.subscriber();
            return new SubscriberListView(subscriber.getNumber(), subscriber.getName(), subscriber.getInn(), subscriber.getStatus(),
                    subscriber.getStatus().label(), subscriber.getPartner().getCode(),
                    listed.dataAreas().stream().map(DataAreaSummary::of).toList(),
                    listed.products().stream().map(ProductView::of).toList());
        }
    }

    /** A data area (информационная база) and the program it runs. */
    record DataAreaSummary(long id, int number, String applicationName, String applicationVersion) {

        static DataAreaSummary of(DataArea area) {
            return new DataAreaSummary(area.getId(), area.getNumber(), area.getApplicationName(), area.getApplicationVersion());
        }
    }

    @GetMapping("/{number}")
    @Operation(summary = "The organization card: status (seed 003), servicing partner, the status history with reasons, and "
            + "the periods of service: which partner served the subscriber from when to when, and the transfer that brought it",
            description = "For vendor staff, the subscriber's client users and the partner serving it now; any other caller, "
                    + "including a partner that served it before, gets 404.")
    SubscriberView card(@PathVariable String number) {
        return SubscriberView.of(subscribers.card(number, caller.get()));
    }

    @PutMapping(path = "/{number}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the subscriber's status with a reason (vendor staff only)",
            description = "Body: {status: ACTIVE|PENDING_CONFIRMATION|SUSPENDED|INACTIVE, reason}. Only an active subscriber "
                    + "applies, installs and is charged. 422 without a reason, 409 for the status it has.")
    SubscriberView changeStatus(@PathVariable String number, @RequestBody StatusRequest request) {
        return SubscriberView.of(subscribers.changeStatus(number, request.status(), request.reason(), caller.get()));
    }

    record StatusRequest(SubscriberStatus status, String reason) {
    }

    record SubscriberView(String number, String name, String inn, SubscriberStatus status, String statusLabel, String partner,
                          List<StatusChangeView> statusHistory, List<ServicePeriodView> servicePeriods) {

        static SubscriberView of(Subscriber subscriber) {
            return new SubscriberView(subscriber.getNumber(), subscriber.getName(), subscriber.getInn(), subscriber.getStatus(),
                    subscriber.getStatus().label(), subscriber.getPartner().getCode(),
                    subscriber.getStatusChanges().stream().map(StatusChangeView::of).toList(),
                    subscriber.getAssignments().stream().map(ServicePeriodView::of).toList());
        }
    }

    /** A period of service: the partner that served the subscriber, since when, until when (none: serves it now), and the transfer that brought it. */
    record ServicePeriodView(String partner, String partnerName, Instant since, Instant until,
                             @Schema(description = "Перевод, которым абонент пришел к партнеру; нет у первого партнера") Long transferId) {

        static ServicePeriodView of(SubscriberAssignment period) {
            return new ServicePeriodView(period.getPartner().getCode(), period.getPartner().getName(), period.getSince(),
                    period.getEndedAt(), period.getTransferId());
        }
    }

    record StatusChangeView(SubscriberStatus from, SubscriberStatus to, String toLabel, String reason, String changedBy,
                            Instant changedAt) {

        static StatusChangeView of(StatusChange change) {
            return new StatusChangeView(change.getFrom(), change.getTo(), change.getTo().label(), change.getReason(),
                    change.getChangedBy(), change.getChangedAt());
        }
    }

    @GetMapping("/{number}/products")
    @Operation(summary = "The products on the organization card («Продукты»), with multi-user mode, its tier and since when")
    List<ProductView> products(@PathVariable String number) {
        return subscribers.products(number, caller.get()).stream().map(ProductView::of).toList();
    }

    /** One product of the card; {@code multiUserMode} reads «Включен» or «Выключен» as the partner documentation shows it. */
    record ProductView(Product product, String name, boolean multiUserModeEnabled, String multiUserMode,
                       MultiUserTier tier, String tierLabel, LocalDate multiUserSince, Long applicationId) {

        static ProductView of(SubscriberProduct product) {
            MultiUserTier tier = product.getMultiUserTier();
            return new ProductView(product.getProduct(), product.getProduct().label(), product.isMultiUserMode(),
                    product.isMultiUserMode() ? "Включен" : "Выключен", tier, tier == null ? null : tier.label(),
                    product.getMultiUserSince(), product.getApplicationId());
        }
    }
}
