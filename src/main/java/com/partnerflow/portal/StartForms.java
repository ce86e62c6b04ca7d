package com.partnerflow.portal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.partnerflow.notification.PublicLinks;
import com.partnerflow.work.RequestKind;
import com.partnerflow.work.RequestRegistry;

/**
 * «Подать заявку»: where a person starts each request. Tasklist opens straight on the process's start form through its
 * own {@code processStart} parameter; configurations are prepared in the portal's «Конфигурации».
 */
@Component
class StartForms {

    /** One button: what it starts, a line about it, where it goes. */
    record StartForm(String label, String hint, String href) {
    }

    private final RequestRegistry registry;

    StartForms(RequestRegistry registry) {
        this.registry = registry;
    }

    List<StartForm> of(PortalUser user) {
        List<StartForm> forms = new ArrayList<>();
        if (user.partner()) {
            forms.add(tasklist(RequestKind.TRANSFERS, "Перевод абонента", "клиент переходит к вам от другого партнера; нужен скан его письма"));
            forms.add(tasklist(RequestKind.REPORTING_APPLICATIONS, "Заявление клиента на 1С-Отчетность",
                    "многопользовательский режим для вашего клиента"));
            forms.add(tasklist(RequestKind.EXTENSION_VERSIONS, "Версия доработки на аудит", "файл версии и что в ней изменилось"));
            forms.add(new StartForm("Конфигурация для каталога", "создается и отправляется на модерацию в разделе «Конфигурации»",
                    "/portal/configurations"));
        } else if (user.client()) {
            forms.add(tasklist(RequestKind.REPORTING_APPLICATIONS, "Заявление на 1С-Отчетность", "многопользовательский режим"));
            forms.add(new StartForm("Все формы в Tasklist", "установка и удаление доработок и другие заявки", "/camunda/app/tasklist/default/"));
        }
        return forms;
    }

    private StartForm tasklist(RequestKind kind, String label, String hint) {
        String processKey = registry.of(kind).processKeys().stream().sorted().findFirst().orElseThrow();
        return new StartForm(label, hint, PublicLinks.startFormPath(processKey));
    }
}
