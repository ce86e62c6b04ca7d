package com.partnerflow.audit;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import com.partnerflow.partner.Partner;
import com.partnerflow.subscriber.Subscriber;

interface ExtensionVersions extends JpaRepository<ExtensionVersion, Long> {

    List<ExtensionVersion> findByExtensionOrderById(Extension extension);

    List<ExtensionVersion> findByExtensionInOrderById(Collection<Extension> extensions);

    Optional<ExtensionVersion> findByOpenExtension(Extension extension);

    /**
     * One page of the versions a caller sees (those of the extensions {@link Extensions#findVisible} shows it); then
     * the filters, each ignored when null.
     */
    @Query("select v from ExtensionVersion v join v.extension e left join e.ownerSubscriber owner where " + Extensions.VISIBLE + """
              and (:status is null or v.status = :status)
              and (:extensionId is null or e.id = :extensionId)
            """)
    Page<ExtensionVersion> findVisible(boolean all, Partner partner, VersionStatus status, Long extensionId, Pageable page);

    boolean existsByExtensionAndNumber(Extension extension, String number);

    /**
     * What makes a published version {@code v} of extension {@code e} installable by {@code :subscriber}: its own
     * client-owned extensions, versions granted to it, and versions granted to every client of the partner that
     * serves it now ({@code :servingPartner}).
     */
    String INSTALLABLE = """
            v.status = com.partnerflow.audit.VersionStatus.APPROVED and v.publishedAt is not null
              and (e.ownerSubscriber = :subscriber
                   or exists (select g from AccessGrant g where g.version = v
                              and (g.subscriber = :subscriber or (g.subscriber is null and g.partner = :servingPartner))))
            """;

    /**
     * One page of the published versions a subscriber may install; then the filters, each ignored when null —
     * {@code :search} a lower-case LIKE pattern of the extension's name.
     */
    @Query("select v from ExtensionVersion v join v.extension e where " + INSTALLABLE + """
              and (:kind is null or e.kind = :kind)
              and (:owner is null or e.owner = :owner)
              and (:search is null or lower(e.name) like :search escape '!')
            """)
    Page<ExtensionVersion> findInstallableBy(Subscriber subscriber, Partner servingPartner, ExtensionKind kind,
                                             ExtensionOwner owner, String search, Pageable page);

    /** One version, if the subscriber may install it: an installation checks one version, not the whole catalogue. */
    @Query("select v from ExtensionVersion v join v.extension e where v.id = :versionId and " + INSTALLABLE)
    Optional<ExtensionVersion> findInstallableById(Long versionId, Subscriber subscriber, Partner servingPartner);

    /** Versions in audit or being fixed of the extensions a client owns. */
    @Query("select v.id from ExtensionVersion v join v.openExtension e where e.ownerSubscriber.number = :subscriberNumber")
    List<Long> findOpenIdsOwnedBy(String subscriberNumber);
}
