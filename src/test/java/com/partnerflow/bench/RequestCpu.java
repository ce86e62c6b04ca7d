package com.partnerflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * The CPU time of the server thread that handled each HTTP request, from before the first filter to after the last:
 * a figure that does not depend on what else the machine does (wall-clock time on a shared machine does). The
 * database's work counts only where it runs in this thread (H2, embedded; PostgreSQL's server is another process).
 * Recorded only while a workload measures ({@link #expect()}), read once per call ({@link #take()}).
 */
final class RequestCpu implements Filter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final BlockingQueue<Long> MEASURED = new LinkedBlockingQueue<>();
    private static volatile boolean recording;

    /** The next request's CPU is wanted; anything recorded before is dropped. */
    static void expect() {
        MEASURED.clear();
        recording = true;
    }

    /** The CPU milliseconds of the request made since {@link #expect()}; the filter records it just after the answer. */
    static double take() throws InterruptedException {
        Long nanos = MEASURED.poll(10, TimeUnit.SECONDS);
        recording = false;
        if (nanos == null) {
            throw new IllegalStateException("No request CPU time recorded within 10 s");
        }
        return nanos / 1e6;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        long start = THREADS.getCurrentThreadCpuTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (recording) {
                MEASURED.add(THREADS.getCurrentThreadCpuTime() - start);
            }
        }
    }
}
