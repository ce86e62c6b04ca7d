package com.partnerflow.notification;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Whether the connection pool covers what sending mail may hold at once while the SMTP server is slow (ADR 0053): a job
 * thread in a mail step holds its job's connection and the mail's own, each mail thread one, and requests still need
 * theirs. A pool below that is starved by a slow mail server — every partner's call waits its 30 s and fails — so the
 * start warns, naming the settings.
 */
@Component
class ConnectionBudget {

    /** Connections left to requests and schedules while every mail sender waits for the SMTP server. */
    static final int FOR_REQUESTS = 8;

    private static final Logger log = LoggerFactory.getLogger(ConnectionBudget.class);

    private final DataSource dataSource;
    private final CamundaBpmProperties camunda;

    ConnectionBudget(DataSource dataSource, CamundaBpmProperties camunda) {
        this.dataSource = dataSource;
        this.camunda = camunda;
    }

    /** The pool's size against what the job threads and the mail threads may hold. */
    record Budget(int pool, int jobThreads, int mailThreads) {

        int needed() {
            return 2 * jobThreads + mailThreads + FOR_REQUESTS;
        }

        boolean met() {
            return pool >= needed();
        }
    }

    Budget budget() {
        try {
            return new Budget(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize(),
                    camunda.getJobExecution().getMaxPoolSize(), NotificationService.MAIL_THREADS);
        } catch (SQLException notHikari) {
            return null;
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenShort() {
        Budget budget = budget();
        if (budget != null && !budget.met()) {
            log.warn("The connection pool ({} connections, spring.datasource.hikari.maximum-pool-size) is below the {} that "
                            + "{} job threads (camunda.bpm.job-execution.max-pool-size) and {} mail threads may hold while the "
                            + "SMTP server is slow, with {} left for requests: a slow mail server will starve partners' calls",
                    budget.pool(), budget.needed(), budget.jobThreads(), budget.mailThreads(), FOR_REQUESTS);
        }
    }
}
