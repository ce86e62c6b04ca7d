package com.partnerflow.security;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.partnerflow.system.ApiPage;
import com.partnerflow.system.BadParameter;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.PageQuery;

@RestController
@RequestMapping("/api/tokens")
@Validated
@Tag(name = "API-токены", description = "Tokens of a partner's integrations (its CRM): created, listed and revoked by the "
        + "partner's employees, sent as «Authorization: Bearer pf_…» to /api (ADR 0040)")
class ApiTokenController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt", "id");
    private static final Map<String, String> SORTABLE = Map.of("created", "createdAt,id", "name", "name,id",
            "lastUsed", "lastUsedAt,id");

    private final ApiTokenService tokens;
    private final CurrentCaller caller;

    ApiTokenController(ApiTokenService tokens, CurrentCaller caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    /** The body of a creation: a name that tells the partner's people what the token is for. */
    record NewApiToken(
            @Schema(description = "What the token is for, e.g. the integration's name", example = "CRM «Альфа-Софт»", maxLength = 100,
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotBlank(message = "укажите название токена")
            @Size(max = 100, message = "название токена — не длиннее 100 символов")
            @Pattern(regexp = "[^\\p{Cntrl}]*", message = "название токена без управляющих символов") String name) {
    }

    /** A token as its partner's people see it: never its secret. */
    record ApiTokenView(long id, String name,
                        @Schema(description = "The token's first characters, to recognise it", example = "pf_Xy3kQ9") String prefix,
                        ApiTokenStatus status, String createdBy, Instant createdAt,
                        @Schema(description = "Last use, to the minute; null if never used") Instant lastUsedAt,
                        String revokedBy, Instant revokedAt) {

        static ApiTokenView of(ApiToken token, ApiTokenStatus status) {
            return new ApiTokenView(token.getId(), token.getName(), token.getPrefix(), status, token.getCreatedBy(),
                    token.getCreatedAt(), token.getLastUsedAt(), token.getRevokedBy(), token.getRevokedAt());
        }
    }

    /** A token just created, with its secret: the only answer that ever shows it. */
    record IssuedApiTokenView(long id, String name, String prefix, String createdBy, Instant createdAt,
                              @Schema(description = "The secret: shown only in this answer, stored only as a hash. Send it as "
                                      + "«Authorization: Bearer <token>»", example = "pf_Xy3kQ9…")
                              String token) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create an API token of the caller's partner (partner employees, with their own login)",
            description = "Answers the secret once: it is stored only as a hash and shown never again. The token acts as its "
                    + "creator with the partner's groups only, until revoked or until the creator leaves the partner. 403 for "
                    + "anyone but a partner's employee and for a call made with a token; 409 when the partner has "
                    + ApiTokenService.MAX_ACTIVE + " active tokens. Idempotency-Key is refused here (400): the answer holds the "
                    + "secret, which is never stored.")
    ResponseEntity<IssuedApiTokenView> create(@Parameter(hidden = true) @RequestHeader(name = "Idempotency-Key", required = false)
                                              String idempotencyKey,
                                              @Valid @RequestBody NewApiToken request) {
        if (idempotencyKey != null) {
            throw new BadParameter("Idempotency-Key", "Токен API выпускается без Idempotency-Key: ответ с секретом токена не "
                    + "сохраняется, чтобы показать его повторно. Если ответ не дошел, отзовите токен и выпустите новый.");
        }
        ApiTokenService.Issued issued = tokens.create(withOwnLogin(), request.name());
        ApiToken token = issued.token();
        return ResponseEntity.created(URI.create("/api/tokens/" + token.getId()))
                .body(new IssuedApiTokenView(token.getId(), token.getName(), token.getPrefix(), token.getCreatedBy(),
                        token.getCreatedAt(), issued.secret().reveal()));
    }

    @GetMapping
    @Operation(summary = "The caller's partner's API tokens, revoked ones included, newest first",
            description = "Every employee of the partner sees every token of the partner (never a secret). Sort keys: created, "
                    + "name, lastUsed. 403 for anyone but a partner's employee.")
    ApiPage<ApiTokenView> list(@ParameterObject @Valid PageQuery query) {
        Page<ApiToken> page = tokens.list(caller.get(), query.pageable(NEWEST_FIRST, SORTABLE));
        Map<Long, ApiTokenStatus> statuses = tokens.statusesOf(page.getContent());
        return ApiPage.of(page, token -> ApiTokenView.of(token, statuses.get(token.getId())));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One API token of the caller's partner; another partner's reads like one that does not exist (404)")
    ApiTokenView get(@PathVariable long id) {
        return view(tokens.find(caller.get(), id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an API token of the caller's partner at once (any employee of the partner, with their own login)",
            description = "Revoking a revoked token changes nothing (204 again). Another partner's token: 404; a call made with "
                    + "a token: 403.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    void revoke(@PathVariable long id) {
        tokens.revoke(withOwnLogin(), id);
    }

    private ApiTokenView view(ApiToken token) {
        return ApiTokenView.of(token, tokens.statusesOf(List.of(token)).get(token.getId()));
    }

    /**
     * The caller, who must have logged in as themselves: a token neither creates nor revokes tokens, so one that leaks
     * cannot make itself a successor that outlives its revocation.
     */
    private Caller withOwnLogin() {
        if (ApiTokenAuthentication.isToken(SecurityContextHolder.getContext().getAuthentication())) {
            throw BusinessRuleViolation.forbidden("Токены API выпускает и отзывает сотрудник партнера под своим именем и паролем, "
                    + "а не по токену.");
        }
        return caller.get();
    }
}
