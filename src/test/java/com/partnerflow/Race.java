package com.partnerflow;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs two calls at the same moment: two threads wait on one barrier and are released together,
 * so both requests are in flight at once (what two people clicking together, or a double click, do).
 */
public final class Race {

    private Race() {
    }

    /** The results in the order of the calls; a call's exception fails the race. */
    public static <T> List<T> of(Callable<T> first, Callable<T> second) {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            Future<T> a = threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return first.call();
            });
            Future<T> b = threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return second.call();
            });
            return List.of(a.get(120, TimeUnit.SECONDS), b.get(120, TimeUnit.SECONDS));
        } catch (Exception failed) {
            throw new IllegalStateException("A racing call failed", failed);
        } finally {
            threads.shutdownNow();
        }
    }
}
