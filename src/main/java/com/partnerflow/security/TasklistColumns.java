package com.partnerflow.security;

import com.partnerflow.system.ProcessVariable;

/**
 * What tells one feature's tasks apart in the Tasklist filter of each role. Every bean of this type contributes;
 * {@link TasklistFilters} gives each role's filter the columns its features name, in the order they are named, each
 * variable once. A role no feature names columns for gets every {@link com.partnerflow.system.TaskCard} column.
 */
public interface TasklistColumns {

    void contribute(Columns columns);

    /** The columns a feature may add. */
    interface Columns {

        /** The filter of {@code group} (a group of {@link Groups}) shows {@code variable} of each task under {@code label}. */
        void show(String group, ProcessVariable<String> variable, String label);
    }
}
