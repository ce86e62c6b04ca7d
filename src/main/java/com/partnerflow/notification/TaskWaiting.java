package com.partnerflow.notification;

import java.time.Instant;
import java.util.List;

/**
 * What a task waiting for a partner or a client asks of them, as its "waiting for you" mail and its reminder say it.
 * A feature describes its task; {@link TaskMails} finds the people, the link and the due date.
 *
 * @param title       the subject's words: «Согласуйте перевод абонента 1001 «ООО «Ромашка»»»
 * @param asked       what is asked, a sentence or two
 * @param about       whom or what it concerns, one line each: the subscriber, the request, the version, the month
 * @param deadline    when the say passes to someone else (the task's timer), or {@code null} if nothing forces it;
 *                    the task's due date, when it has one, wins
 * @param consequence what happens at the deadline, or while nobody acts if there is none: «решение о переводе примут
 *                    сотрудники фирмы»
 */
public record TaskWaiting(String title, String asked, List<String> about, Instant deadline, String consequence) {

    public TaskWaiting {
        about = List.copyOf(about);
    }
}
