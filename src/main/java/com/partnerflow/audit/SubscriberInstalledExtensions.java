package com.partnerflow.audit;

import java.util.List;

import org.springframework.stereotype.Component;

import com.partnerflow.security.Caller;
import com.partnerflow.subscriber.InstalledExtensions;

/** The installed extensions of a subscriber for the portal's «Клиенты», read as {@code GET /api/subscribers/{number}/data-areas} reads them. */
@Component
class SubscriberInstalledExtensions implements InstalledExtensions {

    private final InstallationService installations;

    SubscriberInstalledExtensions(InstallationService installations) {
        this.installations = installations;
    }

    @Override
    public List<AreaExtensions> of(String subscriberNumber, Caller caller) {
        return installations.dataAreas(subscriberNumber, caller).stream()
                .map(area -> new AreaExtensions(area.area().getNumber(), area.area().getApplicationName(),
                        area.area().getApplicationVersion(), area.installations().stream()
                        .map(installation -> new Installed(installation.getVersion().getExtension().getName(),
                                installation.getVersion().getNumber(), installation.getInstalledBy(), installation.getInstalledAt()))
                        .toList()))
                .toList();
    }
}
