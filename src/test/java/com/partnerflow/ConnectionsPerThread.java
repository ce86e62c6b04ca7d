package com.partnerflow;

import java.sql.Connection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * How many pooled connections each thread held at once, at most, since {@link #reset()}. A thread that holds one
 * connection and asks the pool for another can wait for ever once every connection is held by such threads (they
 * time out after Hikari's 30 s): that is how 16 REST clients emptied a pool of 10 (docs/performance.md). Only the job
 * executor's threads may do it, and they are fewer than the pool's connections (application.yaml).
 */
public final class ConnectionsPerThread implements BeanPostProcessor, MethodExecutionListener {

    private static final ThreadLocal<int[]> HELD = ThreadLocal.withInitial(() -> new int[1]);
    private static final Map<String, Integer> PEAKS = new ConcurrentHashMap<>();

    /** Forgets the peaks seen so far. */
    public static void reset() {
        PEAKS.clear();
    }

    /** Per thread name, the most connections it held at once since {@link #reset()}. */
    public static Map<String, Integer> peaks() {
        return new TreeMap<>(PEAKS);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
            return ProxyDataSourceBuilder.create(dataSource).name(beanName).methodListener(this).build();
        }
        return bean;
    }

    @Override
    public void beforeMethod(MethodExecutionContext context) {
    }

    @Override
    public void afterMethod(MethodExecutionContext context) {
        String method = context.getMethod().getName();
        int[] held = HELD.get();
        if (method.equals("getConnection") && context.getTarget() instanceof DataSource && context.getThrown() == null) {
            held[0]++;
            PEAKS.merge(Thread.currentThread().getName(), held[0], Math::max);
        } else if (method.equals("close") && context.getTarget() instanceof Connection && held[0] > 0) {
            held[0]--;
        }
    }
}
