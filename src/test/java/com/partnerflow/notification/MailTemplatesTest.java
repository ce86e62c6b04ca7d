package com.partnerflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The templates on their own: subject and both parts, links from the configured base, HTML escaped, every mail in both formats. */
class MailTemplatesTest {

    static final Path TEMPLATES = Path.of("src/main/resources/mail");
    /** Pieces other templates include; not mails of their own. */
    static final List<String> PARTIALS = List.of("footer", "layout", "audit/findings", "moderation/comment");

    final MailTemplates templates = new MailTemplates(new PublicLinks("https://partners.example.ru/"),
            Clock.fixed(Instant.parse("2026-12-06T09:00:00Z"), ZoneId.of("Europe/Moscow")));

    @Test
    void aWaitingTaskNamesWhatWhoUntilWhenAndLinksToTheTask() {
        TaskWaiting waiting = new TaskWaiting("Согласуйте перевод абонента 1001 «ООО «Ромашка»»", "Согласуйте перевод или возразите.",
                List.of("Абонент: 1001 «ООО «Ромашка»»", "Запрос на перевод № 42"), Instant.parse("2026-12-11T12:30:00Z"),
                "решение о переводе примут сотрудники фирмы без вашего ответа");

        List<Mail> mails = templates.mails(List.of("anna@alfa.example", "petr@alfa.example", "anna@alfa.example"), "task-waiting",
                Map.of("waiting", waiting, "taskName", "Согласовать перевод абонента", "taskLink",
                        new PublicLinks("https://partners.example.ru").task("t-7"), "deadline", waiting.deadline()));

        assertThat(mails).extracting(Mail::recipient).containsExactly("anna@alfa.example", "petr@alfa.example");
        Mail mail = mails.get(0);
        assertThat(mail.subject()).isEqualTo("Согласуйте перевод абонента 1001 «ООО «Ромашка»» до 11.12.2026");
        assertThat(mail.text()).contains("В Tasklist вас ждет задача «Согласовать перевод абонента».")
                .contains("- Абонент: 1001 «ООО «Ромашка»»\n- Запрос на перевод № 42")
                .contains("Срок: до 11.12.2026 15:30 (время московское). Если не ответить до 11.12.2026, "
                        + "решение о переводе примут сотрудники фирмы без вашего ответа.")
                .contains("Открыть задачу: https://partners.example.ru/camunda/app/tasklist/default/#/?task=t-7")
                .contains("Все ваши задачи — в Tasklist: https://partners.example.ru/camunda/app/tasklist/default/")
                .doesNotContain("[#", "${", "\n\n\n");
        assertThat(mail.html()).startsWith("<!DOCTYPE html>")
                .contains("<title>Согласуйте перевод абонента 1001 «ООО «Ромашка»» до 11.12.2026</title>")
                .contains("<a href=\"https://partners.example.ru/camunda/app/tasklist/default/#/?task=t-7\"")
                .contains("<li>Запрос на перевод № 42</li>")
                .contains("решение о переводе примут сотрудники фирмы без вашего ответа");
    }

    @Test
    void aReminderSaysTheTaskStillWaits() {
        TaskWaiting waiting = new TaskWaiting("Исправьте запрос на перевод абонента 1001", "Исправьте запрос или отзовите его.",
                List.of("Абонент: 1001"), Instant.parse("2026-12-18T07:00:00Z"), "запрос будет закрыт без рассмотрения");

        Mail mail = templates.mail("boris@beta.example", "task-waiting", Map.of("reminder", true, "waiting", waiting,
                "taskName", "Исправить запрос на перевод", "taskLink", "https://partners.example.ru/t", "deadline", waiting.deadline()));

        assertThat(mail.subject()).isEqualTo("Напоминание. Исправьте запрос на перевод абонента 1001 до 18.12.2026");
        assertThat(mail.text()).startsWith("Здравствуйте!\n\nЗадача «Исправить запрос на перевод» все еще ждет вас в Tasklist.")
                .contains("Если не ответить до 18.12.2026, запрос будет закрыт без рассмотрения.");
        assertThat(mail.html()).contains("все еще ждет вас в Tasklist").doesNotContain("вас ждет задача");
    }

    @Test
    void whatPeopleTypedIsEscapedInTheHtmlPart() {
        TaskWaiting waiting = new TaskWaiting("Исправьте запрос", "Исправьте.", List.of("Что исправить: <script>alert(1)</script> & «подпись»"),
                null, "запрос будет закрыт");

        Mail mail = templates.mail("boris@beta.example", "task-waiting",
                Map.of("waiting", waiting, "taskName", "Исправить запрос", "taskLink", "https://partners.example.ru/x"));

        assertThat(mail.subject()).isEqualTo("Исправьте запрос");
        assertThat(mail.text()).contains("Что исправить: <script>alert(1)</script> & «подпись»").contains("Срок не установлен");
        assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; «подпись»");
    }

    @Test
    void noRecipientNoMail() {
        assertThat(templates.mails(List.of(), "task-waiting", Map.of())).isEmpty();
    }

    /** Every mail has its text (subject first) and its HTML template; an HTML part without a text one would go unread by some clients. */
    @Test
    void everyMailHasBothParts() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            names = files.filter(Files::isRegularFile).map(file -> TEMPLATES.relativize(file).toString().replace('\\', '/'))
                    .map(name -> name.replaceFirst("\\.(txt|html)$", "")).distinct()
                    .filter(name -> !PARTIALS.contains(name)).sorted().toList();
        }
        assertThat(names).hasSizeGreaterThan(20);
        for (String name : names) {
            assertThat(TEMPLATES.resolve(name + ".txt")).as("text part of %s", name).exists();
            assertThat(TEMPLATES.resolve(name + ".html")).as("HTML part of %s", name).exists();
            assertThat(Files.readString(TEMPLATES.resolve(name + ".html"))).as("%s is framed by the layout", name)
                    .contains("~{layout :: page(~{::main})}");
            assertThat(Files.readString(TEMPLATES.resolve(name + ".txt"))).as("%s ends with the footer", name)
                    .contains("[# th:insert=\"~{footer}\" /]");
        }
    }
}
