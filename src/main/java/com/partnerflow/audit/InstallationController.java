package com.partnerflow.audit;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.partnerflow.audit.ExtensionViews.DataAreaView;
import com.partnerflow.audit.ExtensionViews.InstallableView;
import com.partnerflow.audit.ExtensionViews.InstallationView;
import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.ApiPage;
import com.partnerflow.system.PageQuery;

@RestController
@RequestMapping("/api/subscribers/{number}")
@Tag(name = "Установка доработок", description = "A client installs published extensions into its data areas")
class InstallationController {

    private final InstallationService installations;
    private final AuditProcessStarter starter;
    private final CurrentCaller caller;

    InstallationController(InstallationService installations, AuditProcessStarter starter, CurrentCaller caller) {
        this.installations = installations;
        this.starter = starter;
        this.caller = caller;
    }

    @GetMapping("/extensions")
    @Operation(summary = "Published extension versions the subscriber may install",
            description = "Paged (ADR 0044). Filters: kind, owner, search (any part of the extension's name). Sort keys: name, "
                    + "published (default name).")
    ApiPage<InstallableView> installable(@PathVariable String number, @ParameterObject @Valid PageQuery query,
                                         @Parameter(description = "Вид доработки") @RequestParam(required = false) ExtensionKind kind,
                                         @Parameter(description = "Владелец") @RequestParam(required = false) ExtensionOwner owner,
                                         @Parameter(description = "Часть названия доработки") @RequestParam(required = false) String search) {
        Pageable page = query.pageable(Sort.by("extension.name", "id"),
                Map.of("name", "extension.name,id", "published", "publishedAt,id"));
        return ApiPage.of(installations.installable(number, caller.get(), kind, owner, search, page), InstallableView::of);
    }

    @GetMapping("/data-areas")
    @Operation(summary = "The subscriber's data areas with the extensions installed in each")
    List<DataAreaView> dataAreas(@PathVariable String number) {
        return installations.dataAreas(number, caller.get()).stream().map(DataAreaView::of).toList();
    }

    @PostMapping(path = "/data-areas/{dataAreaId}/installations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Install a published version into one of the subscriber's data areas (the subscriber's client users only)",
            description = "Starts the extension-installation process, which installs at once. 404 for a version the subscriber "
                    + "has no access to or another subscriber's data area; 409 when this or a newer version is installed.")
    ResponseEntity<InstallationView> install(@PathVariable String number, @PathVariable long dataAreaId,
                                             @RequestBody InstallRequest request) {
        long installationId = starter.install(number, dataAreaId, request.versionId());
        // read as part of its data area (GET .../data-areas); the Location is the address its removal takes
        return ResponseEntity.created(URI.create("/api/subscribers/" + number + "/data-areas/" + dataAreaId + "/installations/"
                + installationId)).body(InstallationView.of(installations.byId(installationId)));
    }

    @DeleteMapping("/data-areas/{dataAreaId}/installations/{installationId}")
    @Operation(summary = "Remove an installed extension from one of the subscriber's data areas (its client users only)",
            description = "Starts the extension-removal process, which removes at once. 404 for another subscriber's "
                    + "installation or data area.")
    ResponseEntity<Void> remove(@PathVariable String number, @PathVariable long dataAreaId, @PathVariable long installationId) {
        starter.remove(number, dataAreaId, installationId);
        return ResponseEntity.noContent().build();
    }

    record InstallRequest(Long versionId) {
    }
}
