package com.partnerflow.transfer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.partnerflow.notification.Mail;
import com.partnerflow.notification.MailTemplates;
import com.partnerflow.notification.TaskWaiting;
import com.partnerflow.security.UserDirectory;
import com.partnerflow.subscriber.SubscriberService;

/**
 * Who receives a transfer's mails, from the templates in {@code mail/transfer/}: the submitting partner (its mailbox
 * and the employee who submitted), the current partner once it was asked, and the client's users; and what the
 * tasks of the partners ask of them.
 */
@Component
class TransferMails {

    private final UserDirectory users;
    private final SubscriberService subscribers;
    private final MailTemplates templates;

    TransferMails(UserDirectory users, SubscriberService subscribers, MailTemplates templates) {
        this.users = users;
        this.subscribers = subscribers;
        this.templates = templates;
    }

    static String topic(long transferId) {
        return "transfer:" + transferId;
    }

    /** Both partners and the client: the subscriber moved. */
    List<Mail> approved(TransferRequest transfer) {
        Map<String, Object> model = Map.of("transfer", transfer, "decidedByVendor",
                transfer.getHistory().stream().anyMatch(event -> event.step() == TransferEvent.Step.VENDOR_APPROVED));
        List<Mail> mails = new ArrayList<>(templates.mails(submittingPartner(transfer), "transfer/approved-new-partner", model));
        mails.addAll(templates.mails(List.of(transfer.getFromPartner().getEmail()), "transfer/approved-current-partner", model));
        mails.addAll(templates.mails(client(transfer), "transfer/approved-client", model));
        return mails;
    }

    /** The submitter with the reason; the current partner, if it was asked; the client, who signed the letter. */
    List<Mail> rejected(TransferRequest transfer) {
        Map<String, Object> model = Map.of("transfer", transfer);
        List<Mail> mails = new ArrayList<>(templates.mails(List.of(submitter(transfer)), "transfer/rejected-submitter", model));
        if (transfer.reachedTheCurrentPartner()) {
            mails.addAll(templates.mails(List.of(transfer.getFromPartner().getEmail()), "transfer/rejected-current-partner", model));
        }
        mails.addAll(templates.mails(client(transfer), "transfer/rejected-client", model));
        return mails;
    }

    /** The current partner learns that the request it was asked about is gone; nobody else needs a mail. */
    List<Mail> withdrawn(TransferRequest transfer) {
        if (!transfer.reachedTheCurrentPartner()) {
            return List.of();
        }
        return templates.mails(List.of(transfer.getFromPartner().getEmail()), "transfer/withdrawn-current-partner",
                Map.of("transfer", transfer));
    }

    List<Mail> closedUncorrected(TransferRequest transfer) {
        return templates.mails(List.of(submitter(transfer)), "transfer/closed-uncorrected", Map.of("transfer", transfer));
    }

    /** What the current partner's agreement asks, until {@code deadline}, when vendor staff decide without it. */
    TaskWaiting agreement(TransferRequest transfer, Instant deadline) {
        return new TaskWaiting("Согласуйте перевод абонента " + subscriber(transfer) + " к партнеру «" + transfer.getToPartner().getName() + "»",
                "Партнер «" + transfer.getToPartner().getName() + "» (код " + transfer.getToPartner().getCode()
                        + ") просит по письму клиента перевести к себе на обслуживание вашего абонента. Согласуйте перевод "
                        + "или возразите, указав причину.",
                List.of("Абонент: " + subscriber(transfer),
                        "Запрос на перевод № " + transfer.getId() + ", письмо клиента от " + date(transfer),
                        "Причина перевода по письму: " + transfer.getReason()),
                deadline, "решение о переводе примут сотрудники фирмы без вашего ответа");
    }

    /** What the submitter's correction asks, until {@code deadline}, when the request closes. */
    TaskWaiting correction(TransferRequest transfer, Instant deadline) {
        List<String> about = new ArrayList<>(List.of("Абонент: " + subscriber(transfer),
                "Запрос на перевод № " + transfer.getId() + ", письмо клиента от " + date(transfer)));
        lastComment(transfer, TransferEvent.Step.LETTER_RETURNED).ifPresent(comment -> about.add("Что исправить: " + comment));
        return new TaskWaiting("Исправьте запрос на перевод абонента " + subscriber(transfer),
                "Сотрудники фирмы вернули ваш запрос на перевод на исправление. Исправьте его (например, приложите новое "
                        + "письмо клиента) и отправьте снова или отзовите.",
                about, deadline, "запрос будет закрыт без рассмотрения");
    }

    private static java.util.Optional<String> lastComment(TransferRequest transfer, TransferEvent.Step step) {
        List<TransferEvent> history = transfer.getHistory();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).step() == step) {
                return java.util.Optional.ofNullable(history.get(i).comment());
            }
        }
        return java.util.Optional.empty();
    }

    private static String subscriber(TransferRequest transfer) {
        return transfer.getSubscriber().getNumber() + " «" + transfer.getSubscriber().getName() + "»";
    }

    private static String date(TransferRequest transfer) {
        return transfer.getLetterDate().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    }

    /** The submitting partner's mailbox and the employee who submitted. */
    private List<String> submittingPartner(TransferRequest transfer) {
        Set<String> recipients = new LinkedHashSet<>();
        recipients.add(transfer.getToPartner().getEmail());
        users.notificationAddressOf(transfer.getSubmittedBy()).ifPresent(recipients::add);
        return List.copyOf(recipients);
    }

    private String submitter(TransferRequest transfer) {
        return users.notificationAddressOf(transfer.getSubmittedBy()).orElse(transfer.getToPartner().getEmail());
    }

    /** The client's own users, if it has any. */
    private List<String> client(TransferRequest transfer) {
        List<String> recipients = new ArrayList<>();
        subscribers.clientUsersOf(transfer.getSubscriber())
                .forEach(user -> users.notificationAddressOf(user).ifPresent(recipients::add));
        return recipients;
    }
}
