package com.partnerflow.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.partnerflow.portal.HomeContribution;
import com.partnerflow.portal.PortalUser;
import com.partnerflow.security.Caller;
import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.DateLabels;

/** A client's data areas with the extensions installed in each on its «Главная», as {@code GET /api/subscribers/{number}/data-areas} reads them. */
@Component
class ClientInstallationsOnHome implements HomeContribution {

    private final InstallationService installations;
    private final CurrentCaller caller;
    private final DateLabels dates;

    ClientInstallationsOnHome(InstallationService installations, CurrentCaller caller, DateLabels dates) {
        this.installations = installations;
        this.caller = caller;
        this.dates = dates;
    }

    @Override
    public List<Table> tables(PortalUser user) {
        Caller current = caller.get();
        List<List<String>> rows = new ArrayList<>();
        for (String number : user.clientNumbers()) {
            for (InstallationService.AreaInstallations area : installations.dataAreas(number, current)) {
                String installed = area.installations().stream().map(installation -> installation.getVersion().getExtension().getName()
                        + " " + installation.getVersion().getNumber() + " (с " + dates.dateTime(installation.getInstalledAt()) + ")")
                        .collect(Collectors.joining("; "));
                rows.add(List.of("№ " + area.area().getNumber(), (area.area().getApplicationName() + " " + Objects.toString(area.area().getApplicationVersion(), "")).strip(),
                        installed.isEmpty() ? "нет" : installed));
            }
        }
        return List.of(new Table(20, "Информационные базы и установленные доработки",
                List.of("База", "Программа", "Установленные доработки"), rows, "Информационных баз нет."));
    }
}
