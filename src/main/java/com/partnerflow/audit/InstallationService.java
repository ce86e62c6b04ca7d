package com.partnerflow.audit;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.partnerflow.security.Caller;
import com.partnerflow.subscriber.DataArea;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.subscriber.SubscriberService;
import com.partnerflow.system.BusinessRuleViolation;
import com.partnerflow.system.ListFilters;

/**
 * What a client may install and the installing itself (seed 002: «Клиент сам указывает в личном
 * кабинете, в какой базе работает доработка»). A client user installs a published version its
 * organization has access to into one of the organization's own data areas, and removes one; anything else is refused.
 */
@Service
class InstallationService {

    private final ExtensionVersions versions;
    private final Installations installations;
    private final SubscriberService subscribers;
    private final Clock clock;

    InstallationService(ExtensionVersions versions, Installations installations, SubscriberService subscribers, Clock clock) {
        this.versions = versions;
        this.installations = installations;
        this.subscribers = subscribers;
        this.clock = clock;
    }

    /** Published versions the subscriber may install, for whoever sees the subscriber. */
    @Transactional(readOnly = true)
    Page<ExtensionVersion> installable(String subscriberNumber, Caller caller, ExtensionKind kind, ExtensionOwner owner,
                                       String search, Pageable page) {
        Subscriber subscriber = subscribers.visible(subscriberNumber, caller);
        return versions.findInstallableBy(subscriber, subscriber.getPartner(), kind, owner, ListFilters.containing(search), page);
    }

    /** The subscriber's data areas with what is installed in each. */
    @Transactional(readOnly = true)
    List<AreaInstallations> dataAreas(String subscriberNumber, Caller caller) {
        List<DataArea> areas = subscribers.dataAreasOf(subscribers.visible(subscriberNumber, caller));
        List<Installation> installed = areas.isEmpty() ? List.of() : installations.findByDataAreaInOrderById(areas);
        return areas.stream().map(area -> new AreaInstallations(area,
                installed.stream().filter(installation -> installation.getDataArea().getId().equals(area.getId())).toList())).toList();
    }

    record AreaInstallations(DataArea area, List<Installation> installations) {
    }

    /**
     * Installs a version into a data area. Only the subscriber's own client users install; the version must
     * be published, accessible to the subscriber and made for the area's application, and not already
     * installed there in this or a newer version.
     */
    @Transactional
    Installation install(String subscriberNumber, Long dataAreaId, Long versionId, String userId) {
        Subscriber subscriber = ownOrganization(subscriberNumber, userId);
        subscriber.whyNotWorking().ifPresent(why -> {
            throw BusinessRuleViolation.invalid("Установить доработку нельзя: " + why + ".");
        });
        DataArea area = (dataAreaId == null ? Optional.<DataArea>empty() : subscribers.dataArea(dataAreaId))
                .filter(found -> found.belongsTo(subscriber))
                .orElseThrow(() -> BusinessRuleViolation.notFound("Информационная база № " + dataAreaId
                        + " не найдена среди баз абонента " + subscriber.getNumber() + "."));
        ExtensionVersion version = (versionId == null ? Optional.<ExtensionVersion>empty()
                : versions.findInstallableById(versionId, subscriber, subscriber.getPartner()))
                .orElseThrow(() -> BusinessRuleViolation.notFound("Версия доработки № " + versionId
                        + " не найдена среди опубликованных доработок, доступных абоненту " + subscriber.getNumber() + "."));
        Extension extension = version.getExtension();
        if (!extension.getTargetApplication().equalsIgnoreCase(area.getApplicationName())) {
            throw BusinessRuleViolation.invalid("Доработка «" + extension.getName() + "» сделана для программы «"
                    + extension.getTargetApplication() + "», а в базе № " + area.getNumber() + " работает «"
                    + area.getApplicationName() + "».");
        }
        installations.findByDataAreaOrderById(area).stream()
                .map(Installation::getVersion)
                .filter(installed -> installed.getExtension().getId().equals(extension.getId()))
                .filter(installed -> !version.versionNumber().isNewerThan(installed.versionNumber()))
                .findFirst()
                .ifPresent(installed -> {
                    throw BusinessRuleViolation.conflict("В базе № " + area.getNumber() + " уже установлена доработка «"
                            + extension.getName() + "» версии " + installed.getNumber() + ".");
                });
        try {
            return installations.saveAndFlush(new Installation(area, version, userId, clock.instant()));
        } catch (DataIntegrityViolationException raceLost) {
            throw BusinessRuleViolation.conflict("В базе № " + area.getNumber() + " эта версия доработки уже установлена.");
        }
    }

    /**
     * Removes an installed extension from one of the subscriber's data areas: only the subscriber's own client users
     * do, whatever the partner's grants say now. Returns the removed installation.
     */
    @Transactional
    Installation remove(String subscriberNumber, Long dataAreaId, Long installationId, String userId) {
        Subscriber subscriber = ownOrganization(subscriberNumber, userId);
        Installation installation = (installationId == null ? Optional.<Installation>empty() : installations.findById(installationId))
                .filter(found -> found.getDataArea().belongsTo(subscriber) && found.getDataArea().getId().equals(dataAreaId))
                .orElseThrow(() -> BusinessRuleViolation.notFound("Установка № " + installationId
                        + " не найдена в выбранной информационной базе абонента " + subscriber.getNumber() + "."));
        installations.delete(installation);
        return installation;
    }

    private Subscriber ownOrganization(String subscriberNumber, String userId) {
        if (subscriberNumber == null || subscriberNumber.isBlank()) {
            throw BusinessRuleViolation.invalid("Укажите номер абонента — организации, от имени которой вы работаете.");
        }
        return subscribers.byNumber(subscriberNumber == null ? "" : subscriberNumber.strip())
                .filter(found -> subscribers.isClientUser(userId, found))
                .orElseThrow(() -> BusinessRuleViolation.notFound("Абонент с номером " + subscriberNumber
                        + " не найден среди организаций, от имени которых вы работаете."));
    }

    @Transactional(readOnly = true)
    Installation byId(long installationId) {
        return installations.findById(installationId)
                .orElseThrow(() -> new IllegalStateException("Installation " + installationId + " does not exist"));
    }
}
