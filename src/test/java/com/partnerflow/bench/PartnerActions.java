package com.partnerflow.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;

import com.partnerflow.LoopbackHttp;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;
import com.partnerflow.work.TaskKind;

/**
 * What a partner does most, timed over HTTP as the partner's CRM and Tasklist send it: a transfer started through
 * {@code POST /api/transfers} and through Tasklist's start form ({@code submit-form} on {@code /engine-rest}), and the
 * partner's agreement to a transfer of its client completed through the typed decision of {@code /api} and through
 * Tasklist's task form. Each round acts on a request of its own, made beforehand and untimed ({@link TransferVolume}):
 * a new subscriber of another partner to start for, a transfer waiting for this partner's agreement. Before each timed
 * call the job executor has nothing left to do, so the call is timed alone; besides the wall-clock time, the CPU time of
 * the server thread that answered ({@link RequestCpu}), which a busy machine does not change.
 * <p>
 * Every round leaves a request behind: a start an open transfer (waiting for vendor staff, like the workload's open
 * ones), an agreement a completed transfer. {@link #made()} counts them, so that the sizes can say what they hold.
 */
final class PartnerActions {

    /** An action's name, what it sends, what a round needs (made untimed), and the timed call. */
    record Action(String name, String description, Prepare prepare, Send send) {
    }

    @FunctionalInterface
    interface Prepare {
        Object next();
    }

    @FunctionalInterface
    interface Send {
        LoopbackHttp.Response send(LoopbackHttp http, Object prepared) throws Exception;
    }

    /** Wall-clock and CPU medians of one action at one size. */
    record Medians(double millis, double cpuMillis) {
    }

    private final TransferVolume volume;
    private final ManagementService management;
    private final TransferVolume.Party partner;
    private final TransferVolume.Party other;
    private final List<Action> actions;
    private int made;

    PartnerActions(TransferVolume volume, ManagementService management) {
        this.volume = volume;
        this.management = management;
        this.partner = volume.parties().get(0);
        this.other = volume.parties().get(1);
        this.actions = List.of(
                new Action("partner_start_api", "partner employee: POST /api/transfers (multipart, the letter as a PDF)",
                        () -> volume.newSubscriberOf(other),
                        (http, subscriber) -> http.postMultipart(partner.user(), "/api/transfers", letter((Subscriber) subscriber),
                                "letter", "letter.pdf", "application/pdf", TransferApi.PDF)),
                new Action("partner_start_tasklist", "partner employee: POST /engine-rest/process-definition/key/subscriber-transfer/submit-form",
                        () -> volume.newSubscriberOf(other),
                        (http, subscriber) -> http.postJson(partner.user(), "/engine-rest/process-definition/key/" + TransferProcess.KEY
                                + "/submit-form", Map.of("variables", startVariables((Subscriber) subscriber)))),
                new Action("partner_complete_api", "partner employee: POST /api/tasks/{id}/transfer-agreement {decision: AGREE}",
                        () -> volume.awaitingAgreement(partner, other),
                        (http, taskId) -> http.postJson(partner.user(), "/api/tasks/" + taskId + "/"
                                + TaskKind.TRANSFER_AGREEMENT.decision(), Map.of("decision", "AGREE"))),
                new Action("partner_complete_tasklist", "partner employee: POST /engine-rest/task/{id}/submit-form (partnerAnswer AGREE)",
                        () -> volume.awaitingAgreement(partner, other),
                        (http, taskId) -> http.postJson(partner.user(), "/engine-rest/task/" + taskId + "/submit-form",
                                Map.of("variables", Map.of(TransferProcess.PARTNER_ANSWER.name(), TransferApi.string("AGREE"))))));
    }

    List<Action> actions() {
        return actions;
    }

    /** The acting partner's group, whose grants the engine checks on each call. */
    String partnerGroup() {
        return partner.partner().group();
    }

    /** How many requests the rounds so far have left behind. */
    int made() {
        return made;
    }

    /** {@code rounds} rounds of every action, untimed: the JIT compiles the code before the first size is timed. */
    void warmUp(LoopbackHttp http, int rounds) throws Exception {
        for (int round = 0; round < rounds; round++) {
            for (Action action : actions) {
                send(http, action);
            }
        }
    }

    /** Each action's medians over {@code rounds} rounds after {@code warmUp} rounds, the actions interleaved. */
    List<Medians> medians(LoopbackHttp http, int size, int warmUp, int rounds) throws Exception {
        List<List<Double>> millis = new ArrayList<>();
        List<List<Double>> cpu = new ArrayList<>();
        actions.forEach(action -> {
            millis.add(new ArrayList<>());
            cpu.add(new ArrayList<>());
        });
        for (int round = 0; round < warmUp + rounds; round++) {
            for (int action = 0; action < actions.size(); action++) {
                double[] timed = send(http, actions.get(action));
                if (round >= warmUp) {
                    millis.get(action).add(timed[0]);
                    cpu.get(action).add(timed[1]);
                }
            }
        }
        List<Medians> medians = new ArrayList<>();
        for (int action = 0; action < actions.size(); action++) {
            Medians median = new Medians(Stats.median(millis.get(action)), Stats.median(cpu.get(action)));
            medians.add(median);
            System.out.printf(Locale.ROOT, "Scale %d, %s: median %.1f ms (%.1f ms CPU) of %d rounds %s%n", size,
                    actions.get(action).name(), median.millis(), median.cpuMillis(), rounds, millis.get(action).stream()
                            .map(ms -> String.format(Locale.ROOT, "%.0f", ms)).toList());
        }
        return medians;
    }

    /** One round: the request prepared, the engine quiet, then the call timed; wall and CPU milliseconds. */
    private double[] send(LoopbackHttp http, Action action) throws Exception {
        Object prepared = action.prepare().next();
        awaitQuietEngine();
        RequestCpu.expect();
        LoopbackHttp.Response answer = action.send().send(http, prepared);
        double cpuMillis = RequestCpu.take();
        if (!answer.ok()) {
            throw new IllegalStateException(action.name() + " failed: " + answer.status() + " " + answer.body());
        }
        made++;
        return new double[] {answer.millis(), cpuMillis};
    }

    /**
     * Waits until the job executor has run every due job (the previous rounds' mails, a completed transfer's end), so
     * that it does not run during the timed call. Timers due in days (a partner's silence) are not due.
     */
    private void awaitQuietEngine() {
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(() -> management.createJobQuery().executable().count() == 0);
    }

    private static Map<String, String> letter(Subscriber subscriber) {
        Map<String, String> letter = new HashMap<>();
        TransferApi.letter(subscriber.getNumber(), subscriber.getName()).forEach((name, value) -> letter.put(name, (String) value));
        return letter;
    }

    /** The start form's variables as Tasklist sends them: strings, the letter as a transient file. */
    private static Map<String, Object> startVariables(Subscriber subscriber) {
        Map<String, Object> variables = new HashMap<>();
        letter(subscriber).forEach((name, value) -> variables.put(name, TransferApi.string(value)));
        variables.put(TransferProcess.LETTER.name(), TransferApi.transientFile("letter.pdf", TransferApi.PDF));
        return variables;
    }
}
