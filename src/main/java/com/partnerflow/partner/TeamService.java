package com.partnerflow.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.notification.NotificationService;
import com.partnerflow.security.ApiTokenService;
import com.partnerflow.security.Caller;
import com.partnerflow.security.Groups;
import com.partnerflow.security.SystemCalls;
import com.partnerflow.system.BusinessRuleViolation;

/**
 * A partner's team (ADR 0047): every employee of the partner reads it; the partner's administrators (group
 * {@code partneradmins-<CODE>}) add employees, who get an invitation mail to set their password, deactivate and take
 * them back, and make or unmake administrators. Nobody reaches another partner's people or any staff group: a login
 * outside the administrator's own partner reads like one that does not exist, and an employee joins {@code partners}
 * and the partner's own group, never anything else. Changes need the administrator's own login, as of now: a token
 * never carries the administrators' group, and a session's groups are checked again against the identity service.
 */
@Service
public class TeamService {

    private static final Logger log = LoggerFactory.getLogger(TeamService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 128;

    private final PartnerService partners;
    private final PartnerMemberships memberships;
    private final TeamInvitations invitations;
    private final TeamDeactivations deactivations;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final SystemCalls system;
    private final ApiTokenService tokens;
    private final ObjectProvider<DeveloperStandings> developers;
    private final NotificationService notifications;
    private final TeamMails mails;
    private final Clock clock;
    private final Duration invitationValidity;

    TeamService(PartnerService partners, PartnerMemberships memberships, TeamInvitations invitations,
                TeamDeactivations deactivations, IdentityService identityService, TaskService taskService, SystemCalls system,
                ApiTokenService tokens, ObjectProvider<DeveloperStandings> developers, NotificationService notifications,
                TeamMails mails, Clock clock,
                @Value("${partnerflow.team.invitation-validity:P3D}") Duration invitationValidity) {
        this.partners = partners;
        this.memberships = memberships;
        this.invitations = invitations;
        this.deactivations = deactivations;
        this.identityService = identityService;
        this.taskService = taskService;
        this.system = system;
        this.tokens = tokens;
        this.developers = developers;
        this.notifications = notifications;
        this.mails = mails;
        this.clock = clock;
        this.invitationValidity = invitationValidity;
    }

    /** The person an open invitation is for, as its page greets them. */
    public record Invited(String userId, String name, String partnerName, Instant expiresAt) {
    }

    /** The caller's partner's employees, active and deactivated, sorted by name or login (every employee of the partner). */
    @Transactional(readOnly = true)
    public Page<TeamMember> team(Caller caller, TeamMember.Status status, Pageable pageable) {
        List<TeamMember> all = members(partnerOf(caller)).stream().filter(member -> status == null || member.status() == status)
                .sorted(order(pageable.getSort())).toList();
        int from = (int) Math.min(pageable.getOffset(), all.size());
        return new PageImpl<>(all.subList(from, Math.min(from + pageable.getPageSize(), all.size())), pageable, all.size());
    }

    /** One employee of the caller's partner; anyone else (another partner's, staff, nobody) is not found (404). */
    @Transactional(readOnly = true)
    public TeamMember member(Caller caller, String userId) {
        return find(partnerOf(caller), userId);
    }

    /** Whether the caller administers their partner's team now. */
    @Transactional(readOnly = true)
    public boolean administers(Caller caller) {
        return partners.partnerOf(caller.userId()).filter(partner -> isAdministrator(caller, partner)).isPresent();
    }

    /**
     * Adds an employee: a Camunda user in {@code partners} and {@code partner-<CODE>} with a password nobody knows, and an
     * invitation mail with a single-use link to set one. A login that exists anywhere is «уже занято» (409), whoever has it.
     */
    @Transactional
    public TeamMember add(Caller caller, NewEmployee employee) {
        Partner partner = administeredBy(caller);
        NewEmployee checked = employee.checked();
        String userId = checked.userId();
        if (taken(userId)) {
            throw new InvalidForm(BusinessRuleViolation.Kind.CONFLICT, "Сотрудник не добавлен",
                    Map.of("userId", "имя пользователя «" + userId + "» уже занято: выберите другое"));
        }
        system.call(() -> {
            User user = identityService.newUser(userId);
            user.setFirstName(checked.firstName());
            user.setLastName(checked.lastName());
            user.setEmail(checked.email());
            user.setPassword(unknownPassword());
            try {
                identityService.saveUser(user);
            } catch (ProcessEngineException raced) {
                throw BusinessRuleViolation.conflict("Имя пользователя «" + userId + "» уже занято: выберите другое.");
            }
            identityService.createMembership(userId, Groups.PARTNERS);
            return null;
        });
        join(partner, userId);
        invite(partner, userId, caller.userId());
        log.info("Employee {} added to partner {} by {}", userId, partner.getCode(), caller.userId());
        return find(partner, userId);
    }

    /**
     * Deactivates an employee: out of the partner's groups and its membership (no Tasklist, portal or API), a password
     * nobody knows, their API tokens revoked, their claimed tasks back to the partner's group, and a record of it. The
     * partner's last administrator stays (409).
     */
    @Transactional
    public TeamMember deactivate(Caller caller, String userId) {
        Partner partner = administeredBy(caller);
        TeamMember member = active(partner, userId);
        if (member.administrator() && administrators(partner).size() == 1) {
            throw BusinessRuleViolation.conflict("«" + member.name().strip() + "» — единственный администратор партнера: сначала "
                    + "назначьте администратором другого сотрудника.");
        }
        system.call(() -> {
            for (String group : List.of(Partner.administratorsGroupOf(partner.getCode()), partner.group(), Groups.PARTNERS)) {
                identityService.deleteMembership(userId, group);
            }
            User user = identityService.createUserQuery().userId(userId).singleResult();
            user.setPassword(unknownPassword());
            identityService.saveUser(user);
            for (Task task : taskService.createTaskQuery().taskAssignee(userId).list()) {
                taskService.claim(task.getId(), null);
            }
            return null;
        });
        memberships.findByUserId(userId).ifPresent(memberships::delete);
        int revoked = tokens.revokeAllOf(partner.getCode(), userId, caller.userId());
        deactivations.save(new TeamDeactivation(partner.getCode(), userId, caller.userId(), clock.instant()));
        log.info("Employee {} of partner {} deactivated by {} ({} API tokens revoked)", userId, partner.getCode(), caller.userId(), revoked);
        return find(partner, userId);
    }

    /** Takes a deactivated employee back into the partner's groups, with a new invitation to set a password. */
    @Transactional
    public TeamMember reactivate(Caller caller, String userId) {
        Partner partner = administeredBy(caller);
        TeamDeactivation deactivation = deactivations.findCurrent(partner.getCode(), userId).orElseThrow(() -> {
            find(partner, userId);
            return BusinessRuleViolation.conflict("Сотрудник «" + userId + "» не деактивирован.");
        });
        if (memberships.findByUserId(userId).isPresent()) {
            throw BusinessRuleViolation.conflict("Сотрудника «" + userId + "» нельзя вернуть: он уже работает в партнере.");
        }
        system.call(() -> {
            identityService.createMembership(userId, Groups.PARTNERS);
            return null;
        });
        join(partner, userId);
        deactivation.reactivate(caller.userId(), clock.instant());
        invite(partner, userId, caller.userId());
        log.info("Employee {} of partner {} reactivated by {}", userId, partner.getCode(), caller.userId());
        return find(partner, userId);
    }

    /** Makes an active employee an administrator of the partner, or no longer one; the last administrator stays (409). */
    @Transactional
    public TeamMember administrator(Caller caller, String userId, boolean administrator) {
        Partner partner = administeredBy(caller);
        TeamMember member = active(partner, userId);
        String group = Partner.administratorsGroupOf(partner.getCode());
        if (administrator && !member.administrator()) {
            system.call(() -> {
                identityService.createMembership(userId, group);
                return null;
            });
        } else if (!administrator && member.administrator()) {
            if (administrators(partner).size() == 1) {
                throw BusinessRuleViolation.conflict("«" + member.name().strip() + "» — единственный администратор партнера: "
                        + "сначала назначьте администратором другого сотрудника.");
            }
            system.call(() -> {
                identityService.deleteMembership(userId, group);
                return null;
            });
        }
        log.info("Employee {} of partner {} {} by {}", userId, partner.getCode(), administrator ? "made administrator" : "no longer administrator",
                caller.userId());
        return find(partner, userId);
    }

    /** A new invitation for an employee who has not set a password yet (the earlier link dies). */
    @Transactional
    public TeamMember reinvite(Caller caller, String userId) {
        Partner partner = administeredBy(caller);
        TeamMember member = active(partner, userId);
        if (member.status() != TeamMember.Status.INVITED) {
            throw BusinessRuleViolation.conflict("Сотрудник «" + userId + "» уже задал пароль: новое приглашение не нужно.");
        }
        invite(partner, userId, caller.userId());
        return find(partner, userId);
    }

    /** The person an invitation link is for, while it is open: unused, unexpired, the newest, its employee active. */
    @Transactional(readOnly = true)
    public Optional<Invited> invitation(String secret) {
        return open(secret).map(invitation -> {
            User user = system.call(() -> identityService.createUserQuery().userId(invitation.getUserId()).singleResult());
            return new Invited(user.getId(), name(user), partners.byCode(invitation.getPartnerCode()).getName(),
                    invitation.getExpiresAt());
        });
    }

    /** Sets the invited employee's password and closes the link; an unusable link is not found (404). */
    @Transactional
    public String acceptInvitation(String secret, String password, String repeated) {
        TeamInvitation invitation = open(secret).orElseThrow(() -> BusinessRuleViolation.notFound(
                "Ссылка-приглашение не действует: она уже использована, истекла или заменена новой. Попросите администратора "
                        + "партнера выслать новое приглашение."));
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            problems.put("password", "пароль — от " + MIN_PASSWORD + " до " + MAX_PASSWORD + " символов");
        } else if (password.equalsIgnoreCase(invitation.getUserId())) {
            problems.put("password", "пароль не должен совпадать с именем пользователя");
        } else if (!password.equals(repeated)) {
            problems.put("repeated", "пароли не совпадают");
        }
        if (!problems.isEmpty()) {
            throw new InvalidForm(BusinessRuleViolation.Kind.INVALID, "Пароль не задан", problems);
        }
        system.call(() -> {
            User user = identityService.createUserQuery().userId(invitation.getUserId()).singleResult();
            user.setPassword(password);
            identityService.saveUser(user);
            identityService.unlockUser(user.getId());
            return null;
        });
        invitation.use(clock.instant());
        log.info("Employee {} of partner {} set a password with the invitation {}", invitation.getUserId(),
                invitation.getPartnerCode(), invitation.getId());
        return invitation.getUserId();
    }

    private Optional<TeamInvitation> open(String secret) {
        if (secret == null || !secret.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return invitations.findBySecretHash(hash(secret)).filter(invitation -> invitation.isOpenAt(now))
                .filter(invitation -> newest(invitation.getPartnerCode(), invitation.getUserId())
                        .map(newest -> newest.getId().equals(invitation.getId())).orElse(false))
                .filter(invitation -> partners.partnerOf(invitation.getUserId())
                        .map(partner -> partner.getCode().equals(invitation.getPartnerCode())).orElse(false));
    }

    private void invite(Partner partner, String userId, String by) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        TeamInvitation invitation = invitations.save(new TeamInvitation(partner.getCode(), userId, hash(secret), by, now,
                now.plus(invitationValidity)));
        User user = system.call(() -> identityService.createUserQuery().userId(userId).singleResult());
        User inviter = system.call(() -> identityService.createUserQuery().userId(by).singleResult());
        notifications.enqueueAndSendAfterCommit("team-invitation:" + invitation.getId(),
                List.of(mails.invitation(user.getEmail(), name(user), userId, partner.getName(),
                        inviter == null ? by : name(inviter), secret, invitation.getExpiresAt())));
    }

    /** The partner's membership and group: {@link PartnerService#addMember} as the system, the caller may not write groups. */
    private void join(Partner partner, String userId) {
        system.call(() -> {
            partners.addMember(partner.getCode(), userId);
            return null;
        });
    }

    /** The caller's partner, for an employee of it (in {@code partners} and the partner's group); anyone else 403. */
    private Partner partnerOf(Caller caller) {
        return partners.partnerOf(caller.userId())
                .filter(partner -> caller.groups().contains(Groups.PARTNERS) && caller.groups().contains(partner.group()))
                .orElseThrow(() -> BusinessRuleViolation.forbidden("Команду партнера видят сотрудники партнера."));
    }

    /** The caller's partner, for its administrator logged in as themselves; a plain employee or a token 403. */
    private Partner administeredBy(Caller caller) {
        Partner partner = partnerOf(caller);
        if (!isAdministrator(caller, partner)) {
            throw BusinessRuleViolation.forbidden("Менять команду может только администратор партнера, вошедший под своим именем "
                    + "и паролем.");
        }
        return partner;
    }

    /** In the administrators' group as the request carries it (never a token's) and as the identity service has it now. */
    private boolean isAdministrator(Caller caller, Partner partner) {
        String group = Partner.administratorsGroupOf(partner.getCode());
        return caller.groups().contains(group) && administrators(partner).contains(caller.userId());
    }

    private Set<String> administrators(Partner partner) {
        return system.call(() -> identityService.createUserQuery().memberOfGroup(Partner.administratorsGroupOf(partner.getCode()))
                .list().stream().map(User::getId).collect(Collectors.toSet()));
    }

    private TeamMember active(Partner partner, String userId) {
        TeamMember member = find(partner, userId);
        if (!member.active()) {
            throw BusinessRuleViolation.conflict("Сотрудник «" + userId + "» деактивирован.");
        }
        return member;
    }

    private TeamMember find(Partner partner, String userId) {
        return members(partner).stream().filter(member -> member.userId().equals(userId)).findFirst()
                .orElseThrow(() -> BusinessRuleViolation.notFound("Сотрудник «" + userId + "» не найден в команде партнера."));
    }

    /** Every employee of the partner: the members of its group, then the deactivated ones it has not taken back. */
    private List<TeamMember> members(Partner partner) {
        String code = partner.getCode();
        Map<String, TeamDeactivation> gone = deactivations.findCurrent(code).stream()
                .collect(Collectors.toMap(TeamDeactivation::getUserId, Function.identity(), (first, second) -> first));
        List<User> users = system.call(() -> {
            List<User> found = new ArrayList<>(identityService.createUserQuery().memberOfGroup(partner.group()).list());
            if (!gone.isEmpty()) {
                found.addAll(identityService.createUserQuery().userIdIn(gone.keySet().toArray(String[]::new)).list());
            }
            return found;
        });
        Set<String> ids = users.stream().map(User::getId).collect(Collectors.toCollection(LinkedHashSet::new));
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<String> admins = administrators(partner);
        Map<String, TeamInvitation> invited = new HashMap<>();
        invitations.findNewestFirst(code, ids).forEach(invitation -> invited.putIfAbsent(invitation.getUserId(), invitation));
        Map<String, Long> activeTokens = tokens.activeCountsByCreator(code);
        DeveloperStandings standings = developers.getIfAvailable();
        Map<String, DeveloperStandings.Standing> developer = standings == null ? Map.of() : standings.of(partner, ids);
        List<TeamMember> team = new ArrayList<>();
        for (User user : users) {
            if (team.stream().anyMatch(member -> member.userId().equals(user.getId()))) {
                continue;
            }
            TeamDeactivation deactivation = gone.get(user.getId());
            boolean active = deactivation == null;
            TeamInvitation invitation = invited.get(user.getId());
            TeamMember.Status status = !active ? TeamMember.Status.DEACTIVATED
                    : invitation != null && !invitation.isUsed() ? TeamMember.Status.INVITED : TeamMember.Status.ACTIVE;
            DeveloperStandings.Standing standing = developer.get(user.getId());
            team.add(new TeamMember(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(), status, status.label(),
                    active && admins.contains(user.getId()), standing == null ? null : standing.status(),
                    standing == null ? null : standing.label(), activeTokens.getOrDefault(user.getId(), 0L),
                    status == TeamMember.Status.INVITED ? invitation.getExpiresAt() : null,
                    active ? null : deactivation.getDeactivatedAt(), active ? null : deactivation.getDeactivatedBy()));
        }
        return team;
    }

    private Optional<TeamInvitation> newest(String partnerCode, String userId) {
        return invitations.findNewestFirst(partnerCode, List.of(userId)).stream().findFirst();
    }

    /** A login is taken when anyone has it, whoever: a user of any kind, a partner's membership, a portal address. */
    private boolean taken(String userId) {
        return NewEmployee.RESERVED.contains(userId) || memberships.findByUserId(userId).isPresent()
                || system.call(() -> identityService.createUserQuery().userId(userId).count() > 0);
    }

    private static Comparator<TeamMember> order(Sort sort) {
        Sort.Order first = sort.stream().findFirst().orElse(Sort.Order.asc("name"));
        Comparator<TeamMember> byLogin = Comparator.comparing(TeamMember::userId);
        Comparator<TeamMember> order = first.getProperty().equals("userId") ? byLogin
                : Comparator.comparing((TeamMember member) -> member.lastName() == null ? "" : member.lastName())
                        .thenComparing(member -> member.firstName() == null ? "" : member.firstName()).thenComparing(byLogin);
        return first.isDescending() ? order.reversed() : order;
    }

    private static String name(User user) {
        return ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
    }

    /** A password nobody knows (256 random bits): the account cannot be logged into until its employee sets one. */
    private static String unknownPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
