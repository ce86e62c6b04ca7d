package com.partnerflow.moderation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.partnerflow.partner.Partner;

/** What the API shows of configuration accounts, configurations, their moderation and the public catalogue. */
final class ConfigurationViews {

    static final String ACCOUNT_TYPE_LABEL = "Партнерская конфигурация";

    record PartnerRef(String code, String name) {
        static PartnerRef of(Partner partner) {
            return new PartnerRef(partner.getCode(), partner.getName());
        }
    }

    /** An account; {@code invitations} (every one, live or ended) only for its manager and the vendor's people. */
    record AccountView(long id, String name, String typeLabel, PartnerRef manager, List<MemberView> members,
                       List<InvitationView> invitations, List<EmployeeView> employees, int employeesMax, ContactView contact,
                       int contactsMax, boolean frozenForInactivity, String createdBy, Instant createdAt) {

        static AccountView of(ConfigurationAccount account, boolean withInvitations) {
            return new AccountView(account.getId(), account.getName(), ACCOUNT_TYPE_LABEL, PartnerRef.of(account.getManager()),
                    account.getMembers().stream().map(MemberView::of).toList(),
                    withInvitations ? account.getInvitations().stream().map(InvitationView::of).toList() : null,
                    account.getEmployees().stream().map(e -> new EmployeeView(e.getName(), e.getAddedAt())).toList(),
                    ConfigurationAccount.EMPLOYEES_MAX,
                    account.getContactEmail() == null ? null : new ContactView(account.getContactName(), account.getContactEmail()),
                    ConfigurationAccount.CONTACTS_MAX, false, account.getCreatedBy(), account.getCreatedAt());
        }
    }

    /** A partner working in the account: it accepted the manager's invitation. */
    record MemberView(PartnerRef partner, long invitationId, String invitedBy, Instant invitedAt, String acceptedBy, Instant acceptedAt) {
        static MemberView of(Invitation invitation) {
            return new MemberView(PartnerRef.of(invitation.getPartner()), invitation.getId(), invitation.getInvitedBy(),
                    invitation.getInvitedAt(), invitation.getAnsweredBy(), invitation.getAnsweredAt());
        }
    }

    /** An invitation as its manager and the invited partner see it. */
    record InvitationView(long id, long accountId, String accountName, PartnerRef manager, PartnerRef partner,
                          InvitationStatus status, String statusLabel, String invitedBy, Instant invitedAt, String answeredBy,
                          Instant answeredAt, String endedBy, Instant endedAt) {
        static InvitationView of(Invitation i) {
            ConfigurationAccount account = i.getAccount();
            return new InvitationView(i.getId(), account.getId(), account.getName(), PartnerRef.of(account.getManager()),
                    PartnerRef.of(i.getPartner()), i.getStatus(), i.getStatus().label(), i.getInvitedBy(), i.getInvitedAt(),
                    i.getAnsweredBy(), i.getAnsweredAt(), i.getEndedBy(), i.getEndedAt());
        }
    }

    record EmployeeView(String name, Instant addedAt) {
    }

    record ContactView(String name, String email) {
    }

    record EntityView(EntityKind kind, String kindLabel, String name) {
        static List<EntityView> of(ConfigurationContent content) {
            return content.getEntities().stream().map(e -> new EntityView(e.kind(), e.kind().label(), e.name())).toList();
        }
    }

    /** The settings and entities, as the partner edits them. */
    record ContentView(String title, String shortDescription, String fullDescription, Category category, String categoryLabel,
                       Industry industry, String industryLabel, List<String> links, boolean free, BigDecimal price,
                       String priceLabel, String supportContact, List<EntityView> entities) {

        static ContentView of(ConfigurationContent c) {
            return new ContentView(c.getTitle(), c.getShortDescription(), c.getFullDescription(), c.getCategory(),
                    c.getCategory() == null ? null : c.getCategory().label(), c.getIndustry(),
                    c.getIndustry() == null ? null : c.getIndustry().label(), c.getLinks(), c.isFree(), c.getPrice(),
                    c.priceLabel(), c.getSupportContact(), EntityView.of(c));
        }
    }

    record ConfigurationView(long id, long accountId, String accountName, PartnerRef creator, ConfigurationStatus status,
                             String statusLabel, ContentView content, List<String> missingForPublication,
                             PublishedView published, UnpublishedView lastUnpublished, ModerationView moderation, String createdBy,
                             Instant createdAt, String updatedBy, Instant updatedAt) {

        /**
         * {@code latest}: the latest moderation; {@code unpublished}: the one whose revision left the catalogue last, shown
         * as {@code lastUnpublished} (kept after a re-publication: {@code status} says whether it is in the catalogue now).
         */
        static ConfigurationView of(Configuration c, Moderation latest, Moderation unpublished) {
            return new ConfigurationView(c.getId(), c.getAccount().getId(), c.getAccount().getName(), PartnerRef.of(c.getCreator()),
                    c.getStatus(), c.getStatus().label(), ContentView.of(c.getContent()), c.getContent().missingForPublication(),
                    c.isPublished() ? new PublishedView(c.getPublishedAt(), c.getPublishedRound().getContent().getTitle(),
                            c.hasUnpublishedChanges(), "/api/catalogue/" + c.getId()) : null,
                    UnpublishedView.of(unpublished), latest == null ? null : ModerationView.of(latest), c.getCreatedBy(), c.getCreatedAt(), c.getUpdatedBy(),
                    c.getUpdatedAt());
        }
    }

    record PublishedView(Instant publishedAt, String title, boolean unpublishedChanges, String catalogueHref) {
    }

    /** Who took the configuration out of the catalogue, when and why. */
    record UnpublishedView(long moderationId, Instant unpublishedAt, String unpublishedBy, boolean byModerator, String reason) {
        static UnpublishedView of(Moderation m) {
            return m == null || !m.isUnpublished() ? null : new UnpublishedView(m.getId(), m.getUnpublishedAt(), m.getUnpublishedBy(),
                    m.isUnpublishedByModerator(), m.getUnpublishReason());
        }
    }

    record ModerationView(long id, boolean open, Instant openedAt, Instant closedAt, List<RoundView> rounds,
                          UnpublishedView unpublished) {
        static ModerationView of(Moderation m) {
            return new ModerationView(m.getId(), m.isOpen(), m.getOpenedAt(), m.getClosedAt(),
                    m.getRounds().stream().map(RoundView::of).toList(), UnpublishedView.of(m));
        }
    }

    record RoundView(int number, String submittedBy, Instant submittedAt, ReviewDecision decision, String decisionLabel,
                     String comment, String decidedBy, Instant decidedAt) {
        static RoundView of(ModerationRound r) {
            return new RoundView(r.getNumber(), r.getSubmittedBy(), r.getSubmittedAt(), r.getDecision(),
                    r.getDecision() == null ? null : r.getDecision().label(), r.getComment(), r.getDecidedBy(), r.getDecidedAt());
        }
    }

    /**
     * A published configuration as anyone may see it in «Готовые решения»: the approved revision's settings and
     * entities and its author; no account, status, moderation or working copy.
     */
    record CatalogueEntry(long id, String title, String shortDescription, String fullDescription, Category category,
                          String categoryLabel, Industry industry, String industryLabel, List<String> links, boolean free,
                          BigDecimal price, String priceLabel, String supportContact, List<EntityView> entities,
                          String author, Instant publishedAt) {

        static CatalogueEntry of(Configuration configuration) {
            ConfigurationContent c = configuration.getPublishedRound().getContent();
            return new CatalogueEntry(configuration.getId(), c.getTitle(), c.getShortDescription(), c.getFullDescription(),
                    c.getCategory(), c.getCategory().label(), c.getIndustry(), c.getIndustry().label(), c.getLinks(), c.isFree(),
                    c.getPrice(), c.priceLabel(), c.getSupportContact(), EntityView.of(c), configuration.getCreator().getName(),
                    configuration.getPublishedAt());
        }
    }

    private ConfigurationViews() {
    }
}
