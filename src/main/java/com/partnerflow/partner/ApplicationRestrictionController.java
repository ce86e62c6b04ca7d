package com.partnerflow.partner;

import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.partnerflow.security.Caller;
import com.partnerflow.security.CurrentCaller;

@RestController
@RequestMapping("/api/restricted-applications")
@Tag(name = "Партнеры", description = "Applications only listed partners may serve (seed 002)")
class ApplicationRestrictionController {

    private final ApplicationRestrictions restrictions;
    private final PartnerService partners;
    private final CurrentCaller caller;

    ApplicationRestrictionController(ApplicationRestrictions restrictions, PartnerService partners, CurrentCaller caller) {
        this.restrictions = restrictions;
        this.partners = partners;
        this.caller = caller;
    }

    @GetMapping
    @Operation(summary = "The restricted applications; vendor staff see the listed partners, a partner whether it is listed")
    List<RestrictionView> list() {
        Caller current = caller.get();
        return restrictions.list().stream().map(application -> view(application, current)).toList();
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Restrict an application to listed partners (vendor staff only)")
    ResponseEntity<RestrictionView> restrict(@RequestBody RestrictionRequest request) {
        RestrictedApplication application = restrictions.restrict(request.name(), request.note(), caller.get());
        return ResponseEntity.created(URI.create("/api/restricted-applications/" + application.getId()))
                .body(view(application, caller.get()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Lift a restriction (vendor staff only)")
    ResponseEntity<Void> lift(@PathVariable long id) {
        restrictions.lift(id, caller.get());
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/{id}/partners/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List a partner for the application (vendor staff only)")
    RestrictionView authorize(@PathVariable long id, @PathVariable String code) {
        return view(restrictions.authorize(id, code, caller.get()), caller.get());
    }

    @DeleteMapping(path = "/{id}/partners/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Take a partner off the application's list (vendor staff only)")
    RestrictionView withdraw(@PathVariable long id, @PathVariable String code) {
        return view(restrictions.withdraw(id, code, caller.get()), caller.get());
    }

    private RestrictionView view(RestrictedApplication application, Caller current) {
        if (current.seesAllPartners()) {
            return new RestrictionView(application.getId(), application.getName(), application.getNote(), null,
                    application.getAuthorized().stream().map(Partner::getCode).sorted().toList());
        }
        Boolean listed = partners.partnerOf(current.userId()).map(application::authorizes).orElse(null);
        return new RestrictionView(application.getId(), application.getName(), application.getNote(), listed, null);
    }

    record RestrictionRequest(String name, String note) {
    }

    /** {@code youAreListed} for a partner's employee; {@code partners} for vendor staff only: competitors stay unnamed. */
    record RestrictionView(long id, String name, String note, Boolean youAreListed, List<String> partners) {
    }
}
