package com.partnerflow.audit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.partnerflow.audit.ExtensionViews.ExtensionView;
import com.partnerflow.audit.ExtensionViews.GrantView;
import com.partnerflow.audit.ExtensionViews.VersionView;
import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.ApiPage;
import com.partnerflow.system.PageQuery;

@RestController
@Tag(name = "Доработки", description = "Extensions and the audit of their versions (DESIGN.md §3)")
class ExtensionController {

    private final ExtensionService extensions;
    private final VersionAccess access;
    private final AuditProcessStarter starter;
    private final CurrentCaller caller;

    ExtensionController(ExtensionService extensions, VersionAccess access, AuditProcessStarter starter, CurrentCaller caller) {
        this.extensions = extensions;
        this.access = access;
        this.starter = starter;
        this.caller = caller;
    }

    @PostMapping(path = "/api/extensions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register an extension of the caller's partner (authorized developers only)")
    ResponseEntity<ExtensionView> register(@RequestBody ExtensionRequest request) {
        Extension extension = extensions.register(request.toDraft(), caller.get().userId());
        return ResponseEntity.created(URI.create("/api/extensions/" + extension.getId()))
                .body(ExtensionView.of(extension, List.of()));
    }

    @GetMapping("/api/extensions")
    @Operation(summary = "Extensions the caller's partner maintains, each with its versions (auditors and vendor staff: all)",
            description = "Paged (ADR 0044). Filters: kind, owner. Sort keys: name, created (default name).")
    ApiPage<ExtensionView> list(@ParameterObject @Valid PageQuery query,
                                @Parameter(description = "Вид доработки") @RequestParam(required = false) ExtensionKind kind,
                                @Parameter(description = "Владелец") @RequestParam(required = false) ExtensionOwner owner) {
        Pageable page = query.pageable(Sort.by("name", "id"), Map.of("name", "name,id", "created", "createdAt,id"));
        Page<Extension> listed = extensions.list(caller.get(), kind, owner, page);
        Map<Long, List<ExtensionVersion>> versions = extensions.versionsOf(listed.getContent());
        return ApiPage.of(listed, extension -> ExtensionView.of(extension, versions.getOrDefault(extension.getId(), List.of())));
    }

    @GetMapping("/api/extension-versions")
    @Operation(summary = "Versions of the extensions the caller sees, newest first: e.g. what waits in audit (?status=IN_AUDIT)",
            description = "Paged (ADR 0044). Filters: status, extension (its id). Sort keys: submitted, due (the audit's due "
                    + "date; default -submitted).")
    ApiPage<VersionView> versions(@ParameterObject @Valid PageQuery query,
                                  @Parameter(description = "Только в этом статусе") @RequestParam(required = false) VersionStatus status,
                                  @Parameter(description = "Номер доработки") @RequestParam(required = false) Long extension) {
        Pageable page = query.pageable(Sort.by(Sort.Direction.DESC, "submittedAt", "id"),
                Map.of("submitted", "submittedAt,id", "due", "auditDueAt,id"));
        return ApiPage.of(extensions.listVersions(caller.get(), status, extension, page), VersionView::of);
    }

    @GetMapping("/api/extensions/{id}")
    @Operation(summary = "An extension with every version and its audit")
    ExtensionView get(@PathVariable long id) {
        Extension extension = extensions.find(id, caller.get());
        return ExtensionView.of(extension, extensions.versionsOf(extension));
    }

    @PostMapping(path = "/api/extensions/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a version for audit with its file (.cfe, .epf or .erf, at most 50 MB)",
            description = "Starts the extension-audit process. 422 with a Russian detail listing every failed check.")
    ResponseEntity<VersionView> submit(@PathVariable long id, @ModelAttribute VersionSubmission submission) {
        long versionId = starter.submit(id, submission.toCommand());
        return ResponseEntity.created(URI.create("/api/extension-versions/" + versionId))
                .body(VersionView.of(extensions.findVersion(versionId, caller.get())));
    }

    @GetMapping("/api/extension-versions/{id}")
    @Operation(summary = "A version with its status, due date and findings")
    VersionView version(@PathVariable long id) {
        return VersionView.of(extensions.findVersion(id, caller.get()));
    }

    @GetMapping("/api/extension-versions/{id}/file")
    @Operation(summary = "The version's file as it was uploaded")
    ResponseEntity<byte[]> file(@PathVariable long id) {
        ExtensionService.FileContent file = extensions.file(id, caller.get());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }

    @GetMapping("/api/extension-versions/{id}/grants")
    @Operation(summary = "Which clients may install the version: one by one, or every client of a partner",
            description = "Paged (ADR 0044). Filters: subscriber (a client's number), allClients (true: the grants to every "
                    + "client; false: those to one client). Sort key: granted (default granted, oldest first).")
    ApiPage<GrantView> grants(@PathVariable long id, @ParameterObject @Valid PageQuery query,
                              @Parameter(description = "Номер абонента") @RequestParam(required = false) String subscriber,
                              @Parameter(description = "true — доступ всем клиентам партнера, false — отдельным клиентам")
                              @RequestParam(required = false) Boolean allClients) {
        Pageable page = query.pageable(Sort.by("grantedAt", "id"), Map.of("granted", "grantedAt,id"));
        return ApiPage.of(access.of(id, caller.get(), subscriber, allClients, page), GrantView::of);
    }

    @PostMapping(path = "/api/extension-versions/{id}/grants", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Give a published version to more of the partner's clients (the maintaining partner only)",
            description = "Body: {subscribers: [numbers], allClients: true|false}. Clients that have access are skipped; "
                    + "422 naming every subscriber the partner does not serve; 409 for a version not published.")
    List<GrantView> grant(@PathVariable long id, @RequestBody GrantAccess request) {
        return access.grant(id, request, caller.get()).stream().map(GrantView::of).toList();
    }

    @DeleteMapping("/api/extension-versions/{id}/grants/{subscriber}")
    @Operation(summary = "Take a client's access back ({subscriber} = its number, or 'all' for every client)",
            description = "New installations are refused from now on; what the client installed stays until it removes it.")
    ResponseEntity<Void> withdraw(@PathVariable long id, @PathVariable String subscriber) {
        access.withdraw(id, subscriber, caller.get());
        return ResponseEntity.noContent().build();
    }
}
