package com.partnerflow.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.notification.NotificationService;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.PartnerService;
import com.partnerflow.security.Caller;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.ListFilters;

/**
 * Configuration accounts and the configurations partners prepare in them, under the visibility rules of
 * seed 000 ({@link ConfigurationAccount#shows}); and the public catalogue. What a partner may not see is
 * «not found», never «forbidden», so nobody learns that another partner's configuration exists.
 */
@Service
class ConfigurationService {

    private final ConfigurationAccounts accounts;
    private final Configurations configurations;
    private final Invitations invitations;
    private final PartnerService partners;
    private final NotificationService notifications;
    private final ModerationMails mails;
    private final Clock clock;

    ConfigurationService(ConfigurationAccounts accounts, Configurations configurations, Invitations invitations,
                         PartnerService partners, NotificationService notifications, ModerationMails mails, Clock clock) {
        this.accounts = accounts;
        this.configurations = configurations;
        this.invitations = invitations;
        this.partners = partners;
        this.notifications = notifications;
        this.mails = mails;
        this.clock = clock;
    }

    @Transactional
    ConfigurationAccount createAccount(String name, Caller caller) {
        return accounts.save(new ConfigurationAccount(name, partnerOf(caller.userId()), caller.userId(), clock.instant()));
    }

    /**
     * One page of the accounts the caller's partner manages or works in (moderators and vendor staff: all), filtered by
     * the managing partner's code and a search in the name.
     */
    @Transactional(readOnly = true)
    Page<ConfigurationAccount> accounts(Caller caller, String managerCode, String search, Pageable page) {
        return accounts.findVisible(caller.readsAllConfigurations(), partners.partnerOf(caller.userId()).orElse(null),
                ListFilters.text(managerCode), ListFilters.containing(search), page);
    }

    @Transactional(readOnly = true)
    ConfigurationAccount account(long id, Caller caller) {
        ConfigurationAccount account = accounts.findById(id).orElseThrow(() -> accountNotFound(id));
        if (caller.readsAllConfigurations()
                || partners.partnerOf(caller.userId()).filter(account::admits).isPresent()) {
            return account;
        }
        throw accountNotFound(id);
    }

    /** The account's invitations are its manager's business (and the vendor's), not its members'. */
    @Transactional(readOnly = true)
    boolean seesInvitations(ConfigurationAccount account, Caller caller) {
        return caller.readsAllConfigurations() || partners.partnerOf(caller.userId()).filter(account::isManagedBy).isPresent();
    }

    /** The manager invites a partner by its code; the invited partner is mailed and answers later. */
    @Transactional
    Invitation invite(long accountId, String partnerCode, Caller caller) {
        if (partnerCode == null || partnerCode.isBlank()) {
            throw BusinessRuleViolation.invalid("Укажите код приглашаемого партнера.");
        }
        ConfigurationAccount account = account(accountId, caller);
        Invitation invitation = invitations.save(account.invite(partners.byCode(partnerCode.strip()), partnerOf(caller.userId()),
                caller.userId(), clock.instant()));
        notifications.enqueueAndSendAfterCommit(ModerationMails.accountTopic(accountId), mails.invited(invitation));
        return invitation;
    }

    /**
     * One page of the invitations the caller's partner sees: those it received and those of the accounts it manages
     * ({@link #invitation}); filtered by status, account and the invited partner's code. Nobody else sees any.
     */
    @Transactional(readOnly = true)
    Page<Invitation> invitations(Caller caller, InvitationStatus status, Long accountId, String invited, Pageable page) {
        return partners.partnerOf(caller.userId())
                .map(partner -> invitations.findVisible(partner, status, accountId, ListFilters.text(invited), page))
                .orElse(Page.empty(page));
    }

    /** An invitation the caller's partner may see: it is the invited partner or manages the account; else «not found». */
    @Transactional(readOnly = true)
    Invitation invitation(long invitationId, Caller caller) {
        Partner viewer = partners.partnerOf(caller.userId()).orElseThrow(() -> ConfigurationAccount.invitationNotFound(invitationId));
        return invitations.findById(invitationId).orElseThrow(() -> ConfigurationAccount.invitationNotFound(invitationId))
                .getAccount().invitation(invitationId, viewer);
    }

    @Transactional
    Invitation accept(long invitationId, Caller caller) {
        return transition(invitationId, caller, ConfigurationAccount::accept);
    }

    @Transactional
    Invitation decline(long invitationId, Caller caller) {
        return transition(invitationId, caller, ConfigurationAccount::decline);
    }

    @Transactional
    Invitation withdrawInvitation(long invitationId, Caller caller) {
        return transition(invitationId, caller, ConfigurationAccount::withdraw);
    }

    /** A transition of an invitation, guarded by its account: who may take it and from which state. */
    private interface InvitationTransition {
        void apply(ConfigurationAccount account, Invitation invitation, Partner actor, String by, Instant at);
    }

    private Invitation transition(long invitationId, Caller caller, InvitationTransition transition) {
        Invitation invitation = invitation(invitationId, caller);
        transition.apply(invitation.getAccount(), invitation, partnerOf(caller.userId()), caller.userId(), clock.instant());
        return invitation;
    }

    /** The manager removes a member partner; its configurations made in the account stay bound to it. */
    @Transactional
    ConfigurationAccount removeMember(long accountId, String partnerCode, Caller caller) {
        ConfigurationAccount account = account(accountId, caller);
        account.remove(partners.byCode(partnerCode.strip()), partnerOf(caller.userId()), caller.userId(), clock.instant());
        return account;
    }

    @Transactional
    ConfigurationAccount addEmployee(long accountId, String name, Caller caller) {
        ConfigurationAccount account = managed(accountId, caller);
        account.addEmployee(name, clock.instant());
        return account;
    }

    @Transactional
    ConfigurationAccount removeEmployee(long accountId, String name, Caller caller) {
        ConfigurationAccount account = managed(accountId, caller);
        account.removeEmployee(name);
        return account;
    }

    @Transactional
    ConfigurationAccount addContact(long accountId, String name, String email, Caller caller) {
        ConfigurationAccount account = managed(accountId, caller);
        account.addContact(name, email);
        return account;
    }

    @Transactional
    ConfigurationAccount removeContact(long accountId, Caller caller) {
        ConfigurationAccount account = managed(accountId, caller);
        account.removeContact();
        return account;
    }

    /** A partner of the account makes a configuration in it and stays bound to it. */
    @Transactional
    Configuration create(long accountId, ConfigurationDraft draft, Caller caller) {
        ConfigurationAccount account = account(accountId, caller);
        Configuration configuration = new Configuration(account, partnerOf(caller.userId()), ConfigurationContent.of(draft),
                caller.userId(), clock.instant());
        return configurations.save(configuration);
    }

    /**
     * One page of what the caller sees (moderators and vendor staff: all), filtered; {@code own}: only what the caller's
     * partner made (what it may send to moderation).
     */
    @Transactional(readOnly = true)
    Page<Configuration> list(Caller caller, ConfigurationFilter filter, Pageable page) {
        return configurations.findVisible(caller.readsAllConfigurations(), partners.partnerOf(caller.userId()).orElse(null),
                filter.own(), filter.status(), filter.account(), ListFilters.since(filter.updatedSince()), page);
    }

    /** A configuration the caller may read: moderators and vendor staff all, partners by the rules of seed 000. */
    @Transactional(readOnly = true)
    Configuration find(long id, Caller caller) {
        Configuration configuration = configurations.findById(id).orElseThrow(() -> notFound(id));
        if (caller.readsAllConfigurations()) {
            return configuration;
        }
        return visibleTo(configuration, caller.userId());
    }

    /** Invited partners edit each other's configurations made in the account; the creator stays the creator. */
    @Transactional
    Configuration edit(long id, ConfigurationDraft draft, Caller caller) {
        Configuration configuration = editable(id, caller.userId());
        configuration.edit(ConfigurationContent.of(draft), caller.userId(), clock.instant());
        return configuration;
    }

    /** A configuration the user may edit (and so see); else «not found». */
    Configuration editable(long id, String userId) {
        return visibleTo(configurations.findById(id).orElseThrow(() -> notFound(id)), userId);
    }

    /** Only the creator's partner sends its configuration to moderation, withdraws it or answers the moderator. */
    Configuration ownedBy(long id, String userId) {
        return createdByPartnerOf(id, userId, "Отправлять конфигурацию «%s» на модерацию и отзывать ее");
    }

    /** Only the creator's partner, its publisher, takes its configuration out of the catalogue (besides moderators). */
    Configuration publishedBy(long id, String userId) {
        return createdByPartnerOf(id, userId, "Снять конфигурацию «%s» с публикации");
    }

    private Configuration createdByPartnerOf(long id, String userId, String action) {
        Configuration configuration = editable(id, userId);
        if (!configuration.isCreatedBy(partnerOf(userId))) {
            throw BusinessRuleViolation.forbidden(action.formatted(configuration.displayName())
                    + " может только создавший ее партнер — " + configuration.getCreator().getName() + ".");
        }
        return configuration;
    }

    /** One page of the public catalogue, filtered by category, industry and a search in the title or short description. */
    @Transactional(readOnly = true)
    Page<Configuration> catalogue(Category category, Industry industry, String search, Pageable page) {
        return configurations.findPublished(category, industry, ListFilters.containing(search), page);
    }

    @Transactional(readOnly = true)
    Configuration published(long id) {
        return configurations.findById(id).filter(Configuration::isPublished)
                .orElseThrow(() -> BusinessRuleViolation.notFound("В каталоге нет решения № " + id + "."));
    }

    private Configuration visibleTo(Configuration configuration, String userId) {
        Partner partner = partners.partnerOf(userId).orElse(null);
        if (partner == null || !configuration.getAccount().shows(configuration, partner)) {
            throw notFound(configuration.getId());
        }
        return configuration;
    }

    private ConfigurationAccount managed(long accountId, Caller caller) {
        ConfigurationAccount account = account(accountId, caller);
        if (partners.partnerOf(caller.userId()).filter(account::isManagedBy).isEmpty()) {
            throw BusinessRuleViolation.forbidden("Сотрудников, контакты и приглашения аккаунта «" + account.getName()
                    + "» меняет только управляющий им партнер — " + account.getManager().getName() + ".");
        }
        return account;
    }

    private Partner partnerOf(String userId) {
        return partners.partnerOf(userId).orElseThrow(() -> BusinessRuleViolation.forbidden(
                "Конфигурации создают сотрудники партнеров; пользователь " + userId + " не состоит ни в одном партнере."));
    }

    private static BusinessRuleViolation notFound(long id) {
        return BusinessRuleViolation.notFound("Конфигурация № " + id + " не найдена.");
    }

    private static BusinessRuleViolation accountNotFound(long id) {
        return BusinessRuleViolation.notFound("Аккаунт конфигураций № " + id + " не найден.");
    }
}
