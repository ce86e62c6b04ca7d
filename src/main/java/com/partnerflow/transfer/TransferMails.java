package com.partnerflow.transfer;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.partnerflow.notification.Mail;
import com.partnerflow.security.UserDirectory;

/** The Russian texts of a transfer's notifications and who receives them. */
@Component
class TransferMails {

    private final UserDirectory users;

    TransferMails(UserDirectory users) {
        this.users = users;
    }

    static String topic(long transferId) {
        return "transfer:" + transferId;
    }

    List<Mail> approved(TransferRequest transfer) {
        String subscriber = describe(transfer);
        List<Mail> mails = new ArrayList<>();
        mails.add(new Mail(transfer.getToPartner().getEmail(),
                "Абонент " + transfer.getSubscriber().getNumber() + " переведен к вам на обслуживание",
                "Запрос на перевод № " + transfer.getId() + " одобрен: " + subscriber
                        + " теперь обслуживается вашей организацией.\n"
                        + "Вы можете оформлять подписки этому абоненту. Сообщите клиенту о результате перевода."));
        mails.add(new Mail(transfer.getFromPartner().getEmail(),
                "Абонент " + transfer.getSubscriber().getNumber() + " переведен к другому партнеру",
                "По запросу № " + transfer.getId() + " " + subscriber + " переведен на обслуживание к партнеру «"
                        + transfer.getToPartner().getName() + "» (код " + transfer.getToPartner().getCode() + ")."));
        return mails;
    }

    List<Mail> rejected(TransferRequest transfer) {
        String recipient = users.emailOf(transfer.getSubmittedBy()).orElse(transfer.getToPartner().getEmail());
        return List.of(new Mail(recipient,
                "Запрос на перевод абонента " + transfer.getSubscriber().getNumber() + " отклонен",
                "Запрос на перевод № " + transfer.getId() + " (" + describe(transfer) + ") отклонен.\n"
                        + "Причина: " + transfer.rejectionReason() + "\n"
                        + "Сообщите клиенту о результате рассмотрения."));
    }

    /** The current partner learns that the request it was asked about is gone; nobody else needs a mail. */
    List<Mail> withdrawn(TransferRequest transfer) {
        if (!transfer.reachedTheCurrentPartner()) {
            return List.of();
        }
        return List.of(new Mail(transfer.getFromPartner().getEmail(),
                "Запрос на перевод абонента " + transfer.getSubscriber().getNumber() + " отозван",
                "Партнер «" + transfer.getToPartner().getName() + "» отозвал запрос на перевод № " + transfer.getId() + " ("
                        + describe(transfer) + "). Абонент остается на обслуживании вашей организации; ничего делать не нужно."));
    }

    List<Mail> closedUncorrected(TransferRequest transfer) {
        String recipient = users.emailOf(transfer.getSubmittedBy()).orElse(transfer.getToPartner().getEmail());
        return List.of(new Mail(recipient,
                "Запрос на перевод абонента " + transfer.getSubscriber().getNumber() + " закрыт",
                "Запрос на перевод № " + transfer.getId() + " (" + describe(transfer) + ") был возвращен на исправление, "
                        + "но исправление не поступило в срок, и запрос закрыт.\n"
                        + "Если клиент по-прежнему хочет перейти к вам, подайте новый запрос с актуальным письмом."));
    }

    private static String describe(TransferRequest transfer) {
        return "абонент «" + transfer.getSubscriber().getName() + "» (номер " + transfer.getSubscriber().getNumber() + ")";
    }
}
