package com.partnerflow.transfer;

import static com.partnerflow.transfer.TransferProcess.*;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import com.partnerflow.system.Deadlines;
import com.partnerflow.security.Groups;
import com.partnerflow.security.TasklistColumns;
import com.partnerflow.system.TaskCard;
import com.partnerflow.system.TaskText;
import com.partnerflow.system.TaskTexts;

/**
 * What each task of a transfer says in Tasklist: the subscriber in its name; who asks, by when, and what happens if nobody
 * acts in its description, with the periods as configured ({@link TransferSettings}). Read from the request of the
 * business key.
 */
@Component
class TransferTasks implements TaskTexts, TasklistColumns {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final String NO_DEADLINE = " Срок не установлен: запрос ждет вашего решения.";

    private final TransferService transfers;
    private final TransferSettings settings;
    private final Deadlines deadlines;

    TransferTasks(TransferService transfers, TransferSettings settings, Deadlines deadlines) {
        this.transfers = transfers;
        this.settings = settings;
        this.deadlines = deadlines;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    /** The card columns of these tasks in the filters of the groups that work them. */
    @Override
    public void contribute(Columns columns) {
        columns.show(Groups.VENDOR_STAFF, TaskCard.SUBSCRIBER, "Абонент");
        columns.show(Groups.VENDOR_STAFF, TaskCard.PARTNER, "Партнер");
        columns.show(Groups.PARTNERS, TaskCard.SUBSCRIBER, "Абонент");
        columns.show(Groups.PARTNERS, TaskCard.PARTNER, "Партнер");
    }

    @Override
    public TaskText of(DelegateTask task) {
        TransferRequest transfer = transfers.byId(transferId(task));
        String subscriber = transfer.getSubscriber().label();
        TaskText text = switch (task.getTaskDefinitionKey()) {
            case Elements.REVIEW_LETTER -> new TaskText(subscriber, reviewLetter(transfer));
            case Elements.CORRECT_REQUEST -> new TaskText("абонента " + subscriber, correction(transfer, task));
            case Elements.PARTNER_AGREEMENT -> new TaskText(subscriber, agreement(transfer, task));
            case Elements.VENDOR_DECISION -> new TaskText("абонента " + subscriber, vendorDecision(transfer));
            default -> throw new IllegalArgumentException("No text for the task " + task.getTaskDefinitionKey());
        };
        return text.with(TaskCard.SUBSCRIBER, subscriber).with(TaskCard.PARTNER, transfer.getToPartner().label());
    }

    private String reviewLetter(TransferRequest transfer) {
        return asks(transfer, "абонента") + ", которого обслуживает " + transfer.getFromPartner().label() + ", по письму клиента от "
                + DATE.format(transfer.getLetterDate()) + ". Сверьте письмо с запросом: абонента, дату, подпись и партнера, "
                + "которого называет письмо. Затем направьте запрос текущему партнеру на согласование (на ответ у него будет "
                + answerPeriod() + "), верните подавшему партнеру на исправление (у него будет " + correctionPeriod()
                + ") или отклоните его." + NO_DEADLINE;
    }

    private String correction(TransferRequest transfer, DelegateTask task) {
        return "Сотрудники фирмы вернули запрос на перевод абонента " + transfer.getSubscriber().label() + " на исправление"
                + quoted(lastComment(transfer)) + ". Исправьте запрос и приложите письмо заново или отзовите запрос до "
                + deadlines.at(task.getDueDate()) + ". Если исправление не поступит за " + correctionPeriod()
                + ", запрос закроется как просроченный, а абонент останется у текущего партнера.";
    }

    private String agreement(TransferRequest transfer, DelegateTask task) {
        return asks(transfer, "вашего абонента") + " по письму клиента от " + DATE.format(transfer.getLetterDate())
                + ". Причина: «" + transfer.getReason() + "». Согласуйте перевод или возразите до " + deadlines.at(task.getDueDate())
                + ". Если вы не ответите за " + answerPeriod() + ", решение о переводе примут сотрудники фирмы без вашего ответа.";
    }

    private String vendorDecision(TransferRequest transfer) {
        String why = transfer.lastStep() == TransferEvent.Step.PARTNER_SILENT
                ? " не ответил на запрос о согласовании за " + answerPeriod()
                : " возражает против перевода" + quoted(lastComment(transfer));
        return "Текущий партнер " + transfer.getFromPartner().label() + why + ". " + asks(transfer, "абонента")
                + ". Одобрите перевод (абонент сразу перейдет к новому партнеру) или отклоните запрос." + NO_DEADLINE;
    }

    /** «Партнер «Бета Консалт» (BETA) просит перевести к себе {@code whom} 1002 «…»». */
    private static String asks(TransferRequest transfer, String whom) {
        return "Партнер " + transfer.getToPartner().label() + " просит перевести к себе " + whom + " " + transfer.getSubscriber().label();
    }

    private static String lastComment(TransferRequest transfer) {
        List<TransferEvent> history = transfer.getHistory();
        return history.isEmpty() ? null : history.get(history.size() - 1).comment();
    }

    private static String quoted(String comment) {
        return comment == null || comment.isBlank() ? "" : ": «" + comment.strip() + "»";
    }

    private String answerPeriod() {
        return Deadlines.period(settings.partnerAnswerTimeout());
    }

    private String correctionPeriod() {
        return Deadlines.period(settings.correctionTimeout());
    }
}
