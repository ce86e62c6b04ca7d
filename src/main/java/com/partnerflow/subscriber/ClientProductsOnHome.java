package com.partnerflow.subscriber;

import java.util.List;

import org.springframework.stereotype.Component;

import com.partnerflow.portal.HomeContribution;
import com.partnerflow.portal.PortalUser;
import com.partnerflow.security.Caller;
import com.partnerflow.security.CurrentCaller;
import com.partnerflow.system.DateLabels;

/** A client's products on its «Главная», as {@code GET /api/subscribers/{number}/products} reads them. */
@Component
class ClientProductsOnHome implements HomeContribution {

    private final SubscriberService subscribers;
    private final CurrentCaller caller;
    private final DateLabels dates;

    ClientProductsOnHome(SubscriberService subscribers, CurrentCaller caller, DateLabels dates) {
        this.subscribers = subscribers;
        this.caller = caller;
        this.dates = dates;
    }

    @Override
    public List<Table> tables(PortalUser user) {
        Caller current = caller.get();
        return user.clientNumbers().stream().map(number -> {
            Subscriber subscriber = subscribers.card(number, current);
            List<List<String>> rows = subscribers.products(number, current).stream().map(product -> List.of(
                    product.getProduct().label(), product.isMultiUserMode() ? "Включен" : "Выключен",
                    product.getMultiUserTier() == null ? "—" : product.getMultiUserTier().label() + " пользователей",
                    product.getMultiUserSince() == null ? "—" : dates.date(product.getMultiUserSince()))).toList();
            return new Table(10, "Продукты " + subscriber.getName() + " (абонент " + number + ")",
                    List.of("Продукт", "Многопользовательский режим", "Тариф", "Включен с"), rows,
                    "Подключенных продуктов нет: многопользовательский режим 1С-Отчетности подключается заявлением.");
        }).toList();
    }
}
