package com.partnerflow.security;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.system.BusinessRuleViolation;

/**
 * API tokens of partners' integrations (ADR 0040): a partner's employee creates, lists and revokes the partner's
 * tokens; every employee of the partner sees them all; anyone else's are not found. A token acts as its creator with
 * the partner's two groups, as long as the creator works for the partner and nobody revoked it.
 */
@Service
public class ApiTokenService {

    /** Active tokens a partner may hold at once: enough for every integration, few enough to keep track of. */
    static final int MAX_ACTIVE = 20;
    private static final Logger log = LoggerFactory.getLogger(ApiTokenService.class);

    private final ApiTokens tokens;
    private final IdentityService identityService;
    private final Clock clock;

    ApiTokenService(ApiTokens tokens, IdentityService identityService, Clock clock) {
        this.tokens = tokens;
        this.identityService = identityService;
        this.clock = clock;
    }

    /** A new token and its secret, which this answer is the only one to show. */
    public record Issued(ApiToken token, ApiTokenSecret secret) {

        /** The secret, for the one answer (or portal page) that shows it. */
        public String reveal() {
            return secret.reveal();
        }
    }

    @Transactional
    public Issued create(Caller caller, String name) {
        String partner = partnerOf(caller);
        if (name == null || name.isBlank() || name.strip().length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw BusinessRuleViolation.invalid("Токен API не выпущен: название — от 1 до 100 символов, без управляющих символов.");
        }
        if (tokens.countActive(partner) >= MAX_ACTIVE) {
            throw BusinessRuleViolation.conflict("У партнера уже " + MAX_ACTIVE + " действующих токенов API: отзовите ненужный, "
                    + "затем выпустите новый.");
        }
        ApiTokenSecret secret = ApiTokenSecret.generate();
        ApiToken token = tokens.save(new ApiToken(partner, name.strip(), secret, caller.userId(), clock.instant()));
        log.info("API token {} ({}…) of partner {} created by {}", token.getId(), token.getPrefix(), partner, caller.userId());
        return new Issued(token, secret);
    }

    @Transactional(readOnly = true)
    public Page<ApiToken> list(Caller caller, Pageable page) {
        return tokens.findByPartner(partnerOf(caller), page);
    }

    /** The partner's token; another partner's reads like one that does not exist. */
    @Transactional(readOnly = true)
    ApiToken find(Caller caller, long id) {
        String partner = partnerOf(caller);
        return tokens.findById(id).filter(token -> token.belongsTo(partner))
                .orElseThrow(() -> BusinessRuleViolation.notFound("Токен API " + id + " не найден."));
    }

    /** Revokes the partner's token at once; a revoked one stays as it is. */
    @Transactional
    public void revoke(Caller caller, long id) {
        ApiToken token = find(caller, id);
        if (!token.isRevoked()) {
            token.revoke(caller.userId(), clock.instant());
            log.info("API token {} ({}…) of partner {} revoked by {}", token.getId(), token.getPrefix(), token.getPartnerCode(),
                    caller.userId());
        }
    }

    /** Each token's status by its id; whether a creator still works for the partner is asked once per creator. */
    public Map<Long, ApiTokenStatus> statusesOf(List<ApiToken> listed) {
        Map<String, Boolean> employed = new HashMap<>();
        Map<Long, ApiTokenStatus> statuses = new HashMap<>();
        for (ApiToken token : listed) {
            statuses.put(token.getId(), token.isRevoked() ? ApiTokenStatus.REVOKED
                    : employed.computeIfAbsent(token.getCreatedBy(), creator -> actsFor(creator, token.getPartnerCode()))
                    ? ApiTokenStatus.ACTIVE : ApiTokenStatus.CREATOR_LEFT);
        }
        return statuses;
    }

    /** How many active (not revoked) tokens each employee of the partner created, by user id; none is left out. */
    @Transactional(readOnly = true)
    public Map<String, Long> activeCountsByCreator(String partnerCode) {
        Map<String, Long> counts = new HashMap<>();
        tokens.countActiveByCreator(partnerCode).forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /**
     * Revokes every active token the employee created for the partner, for the partner's administrator who deactivates
     * them (ADR 0047); answers how many. Their creator leaving would stop them anyway: revoked, they stay stopped.
     */
    @Transactional
    public int revokeAllOf(String partnerCode, String creator, String revokedBy) {
        List<ApiToken> active = tokens.findActive(partnerCode, creator);
        Instant now = clock.instant();
        active.forEach(token -> token.revoke(revokedBy, now));
        if (!active.isEmpty()) {
            log.info("{} API tokens of {} (partner {}) revoked by {}", active.size(), creator, partnerCode, revokedBy);
        }
        return active.size();
    }

    /**
     * The request's authentication for a presented token, or a refusal that says why. Reads the token by its hash and
     * the creator's groups; writes the last use only when the recorded one is a minute old.
     */
    @Transactional
    ApiTokenAuthentication authenticate(ApiTokenSecret secret) {
        ApiToken token = tokens.findBySecretHash(secret.hash()).orElseThrow(() -> new ApiTokenAuthentication.Refused(
                "Токен API не найден: проверьте, что он передан целиком, как был выдан."));
        if (token.isRevoked()) {
            throw new ApiTokenAuthentication.Refused("Токен API отозван: выпустите новый токен.");
        }
        if (!actsFor(token.getCreatedBy(), token.getPartnerCode())) {
            throw new ApiTokenAuthentication.Refused("Токен API больше не действует: выпустивший его сотрудник больше не "
                    + "работает в партнере. Выпустите новый токен.");
        }
        Instant now = clock.instant();
        if (token.lastUseIsStale(now)) {
            tokens.recordUse(token.getId(), now, now.minus(ApiToken.LAST_USED_PRECISION));
        }
        return ApiTokenAuthentication.accepted(token.getId(), token.getCreatedBy(), token.getPartnerCode());
    }

    /** Whether the user is a member of both {@code partners} and {@code partner-<CODE>}: an employee of the partner. */
    private boolean actsFor(String userId, String partnerCode) {
        return AsSystem.call(identityService, () -> identityService.createGroupQuery().groupMember(userId)
                .groupIdIn(Groups.PARTNERS, Groups.PARTNER_PREFIX + partnerCode).count() == 2);
    }

    /** The code of the caller's partner: tokens are for partners' integrations, so for partners' employees only. */
    static String partnerOf(Caller caller) {
        List<String> partners = caller.groups().stream().filter(group -> group.startsWith(Groups.PARTNER_PREFIX))
                .map(group -> group.substring(Groups.PARTNER_PREFIX.length())).toList();
        if (!caller.groups().contains(Groups.PARTNERS) || partners.size() != 1) {
            throw BusinessRuleViolation.forbidden("Токены API выпускают сотрудники партнера для интеграций своего партнера "
                    + "(группы partners и partner-<КОД>).");
        }
        return partners.get(0);
    }
}
