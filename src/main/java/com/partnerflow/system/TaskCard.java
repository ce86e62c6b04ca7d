package com.partnerflow.system;

import java.util.List;

/**
 * Task-local variables that tell tasks of one kind apart in Tasklist's lists: written from the domain when a task is
 * created ({@link DescribeTaskListener}), shown as the columns of the filters per role, never read by any step. A task
 * has the columns that mean something for it; the others stay empty.
 */
public final class TaskCard {

    /** The client the task is about: {@code 1001 «ООО «Ромашка»»}. */
    public static final ProcessVariable<String> SUBSCRIBER = ProcessVariable.string("cardSubscriber");
    /** The partner the task is about: {@code ALFA «Альфа-Софт»}. */
    public static final ProcessVariable<String> PARTNER = ProcessVariable.string("cardPartner");
    /** What is decided: an extension's version, a configuration, a developer. */
    public static final ProcessVariable<String> SUBJECT = ProcessVariable.string("cardSubject");
    /** The settled month: {@code ноябрь 2026}. */
    public static final ProcessVariable<String> MONTH = ProcessVariable.string("cardMonth");

    public static final List<ProcessVariable<String>> ALL = List.of(SUBSCRIBER, PARTNER, SUBJECT, MONTH);

    private TaskCard() {
    }
}
