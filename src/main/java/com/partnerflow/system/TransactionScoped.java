package com.partnerflow.system;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An object that lives as long as the current transaction, e.g. what it has read already: made at the first ask, bound
 * to the transaction under a key of the caller's, gone at its end. A transaction of its own started inside
 * (REQUIRES_NEW) does not see the outer one's, and makes its own.
 */
public final class TransactionScoped {

    /** The transaction's object under {@code key}, made by {@code made} at the first ask; empty outside a transaction. */
    @SuppressWarnings("unchecked")
    public static <T> Optional<T> of(Object key, Supplier<T> made) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        T bound = (T) TransactionSynchronizationManager.getResource(key);
        if (bound != null) {
            return Optional.of(bound);
        }
        T created = made.get();
        TransactionSynchronizationManager.bindResource(key, created);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(key, created);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        return Optional.of(created);
    }

    private TransactionScoped() {
    }
}
