package com.partnerflow.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessInstanceWithVariablesImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.partnerflow.TestData;
import com.partnerflow.document.FileVariable;
import com.partnerflow.document.Upload;
import com.partnerflow.partner.Partner;
import com.partnerflow.security.Groups;
import com.partnerflow.subscriber.Subscriber;
import com.partnerflow.transfer.LetterDecision;
import com.partnerflow.transfer.TransferApi;
import com.partnerflow.transfer.TransferProcess;

/**
 * Subscriber transfers made through the engine in bulk, as if partners had submitted them and vendor staff had
 * reviewed them: the real {@code subscriber-transfer} process with its listeners, domain rows, authorizations,
 * history and mails. Completed transfers take the cheapest path to an end (the letter is rejected at once, one
 * mail sent by the job executor); open ones wait for the letter review, a task of {@code vendor-staff}.
 * <p>
 * Speed: a batch of instances is one transaction and one engine command, so the engine writes it in one flush;
 * authorization <em>checks</em> are off inside it (they only read, and the users are entitled anyway), while
 * everything the engine and the listeners <em>write</em>, grants included, is written as in production.
 */
final class TransferVolume {

    static final int THREADS = 2;
    private static final int BATCH = 25;
    private static final FileVariable LETTER = TransferProcess.LETTER;

    /** A partner and the one employee who acts for it. */
    record Party(Partner partner, String user) {
        List<String> groups() {
            return List.of(Groups.PARTNERS, partner.group());
        }
    }

    /** A subscriber and the index of the party serving it. */
    private record Client(Subscriber subscriber, int servedBy) {
    }

    private final TestData data;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final ManagementService management;
    private final TransactionTemplate transaction;
    private final CommandExecutor engine;

    private final List<Party> parties = new ArrayList<>();
    private final List<List<Client>> clientsPerThread = new ArrayList<>();
    private final String reviewer;
    private int completed;

    TransferVolume(TestData data, RuntimeService runtime, TaskService tasks, IdentityService identity,
                   ManagementService management, PlatformTransactionManager transactionManager,
                   ProcessEngineConfigurationImpl engineConfiguration) {
        this.data = data;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.management = management;
        this.transaction = new TransactionTemplate(transactionManager);
        this.engine = engineConfiguration.getCommandExecutorTxRequired();
        this.reviewer = data.user(Groups.VENDOR_STAFF);
    }

    /**
     * Partners with one employee each, and per generating thread its own subscribers, which the completed
     * transfers go round: a subscriber may be asked for again once its last request is closed.
     */
    void prepare(int partners, int subscribersPerThread) {
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < partners; i++) {
                Partner partner = data.partner();
                parties.add(new Party(partner, data.partnerUser(partner)));
            }
        });
        for (int thread = 0; thread < THREADS; thread++) {
            clientsPerThread.add(newClients(subscribersPerThread, thread));
        }
    }

    List<Party> parties() {
        return parties;
    }

    int completed() {
        return completed;
    }

    /** Opens {@code count} transfers, each of its own subscriber, waiting for vendor staff's letter review. */
    void open(int count) {
        List<Client> clients = newClients(count, 0);
        for (int first = 0; first < count; first += BATCH) {
            List<Client> batch = clients.subList(first, Math.min(count, first + BATCH));
            inOneCommand(() -> batch.forEach(client -> submit(client, submitterOf(client, 0))));
        }
    }

    /** A new subscriber served by {@code party}, for one request of a measurement round. */
    Subscriber newSubscriberOf(Party party) {
        return transaction.execute(status -> data.subscriber(party.partner()));
    }

    /**
     * A transfer of a new subscriber of {@code current}, submitted by {@code submitter} and its letter forwarded by vendor
     * staff: it waits for {@code current}'s agreement. Returns the id of that task.
     */
    String awaitingAgreement(Party current, Party submitter) {
        Client client = new Client(newSubscriberOf(current), parties.indexOf(current));
        String[] instanceId = new String[1];
        inOneCommand(() -> {
            ProcessInstanceWithVariablesImpl instance = submit(client, submitter);
            instanceId[0] = instance.getId();
            identity.setAuthentication(reviewer, List.of(Groups.VENDOR_STAFF));
            String letterTask = instance.getExecutionEntity().getTasks().get(0).getId();
            tasks.complete(letterTask, TransferProcess.LETTER_DECISION.with(LetterDecision.FORWARD));
        });
        return tasks.createTaskQuery().processInstanceId(instanceId[0]).singleResult().getId();
    }

    /** Completes transfers on {@value #THREADS} threads until {@code total} were completed since this volume was made. */
    void completeUpTo(int total) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                List<Client> clients = clientsPerThread.get(thread);
                int first = completed / THREADS;
                int last = total / THREADS + (thread < total % THREADS ? 1 : 0);
                work.add(threads.submit(() -> {
                    for (int batchStart = first; batchStart < last; batchStart += BATCH) {
                        int from = batchStart;
                        int to = Math.min(last, from + BATCH);
                        inOneCommand(() -> {
                            for (int n = from; n < to; n++) {
                                Client client = clients.get(n % clients.size());
                                submitAndReject(client, submitterOf(client, n));
                            }
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            threads.shutdown();
        }
        completed = total;
    }

    /** Waits until the job executor has sent every pending mail of a transfer, so its instance has ended. */
    void awaitMailsSent(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() ->
                management.createJobQuery().processDefinitionKey(TransferProcess.KEY).count() == 0);
    }

    private void inOneCommand(Runnable work) {
        try {
            transaction.executeWithoutResult(status -> engine.execute(context -> {
                context.disableAuthorizationCheck();
                work.run();
                return null;
            }));
        } finally {
            identity.clearAuthentication();
        }
    }

    private List<Client> newClients(int count, int salt) {
        List<Client> clients = new ArrayList<>(count);
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                int servedBy = (i + salt) % parties.size();
                clients.add(new Client(data.subscriber(parties.get(servedBy).partner()), servedBy));
            }
        });
        return clients;
    }

    /** Another party than the serving one, varying with {@code n}, so that every partner submits and is asked. */
    private Party submitterOf(Client client, int n) {
        int other = 1 + n % (parties.size() - 1);
        return parties.get((client.servedBy() + other) % parties.size());
    }

    /** Starts the instance as the submitter, as {@code POST /api/transfers} does. */
    private ProcessInstanceWithVariablesImpl submit(Client client, Party submitter) {
        identity.setAuthentication(submitter.user(), submitter.groups());
        VariableMap variables = TransferProcess.SUBSCRIBER_NUMBER.with(client.subscriber().getNumber());
        TransferProcess.SUBSCRIBER_NAME.putIn(variables, client.subscriber().getName());
        TransferProcess.REQUESTED_PARTNER_NAME.putIn(variables, TransferApi.REQUESTED_PARTNER_NAME);
        TransferProcess.REASON.putIn(variables, "Клиент переходит на обслуживание к нам");
        TransferProcess.LETTER_DATE.putIn(variables, LocalDate.now().minusDays(1).toString());
        LETTER.putIn(variables, new Upload("письмо.pdf", TransferApi.PDF));
        return (ProcessInstanceWithVariablesImpl) runtime.startProcessInstanceByKey(TransferProcess.KEY, variables);
    }

    /** Submits, then rejects the letter as vendor staff: the transfer is closed, its mail waits for the job executor. */
    private void submitAndReject(Client client, Party submitter) {
        ProcessInstanceWithVariablesImpl instance = submit(client, submitter);
        identity.setAuthentication(reviewer, List.of(Groups.VENDOR_STAFF));
        // not yet flushed, so a task query would not find it; the new instance holds its task
        String taskId = instance.getExecutionEntity().getTasks().get(0).getId();
        VariableMap decision = TransferProcess.LETTER_DECISION.with(LetterDecision.REJECT);
        TransferProcess.LETTER_COMMENT.putIn(decision, "Письмо не подписано руководителем");
        tasks.complete(taskId, decision);
    }
}
