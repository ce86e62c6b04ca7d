package com.partnerflow.security;

import org.camunda.bpm.engine.authorization.Permission;

/**
 * What one feature's processes allow the groups of DESIGN.md in the engine. Every bean of this type contributes;
 * {@link AccessSetup} applies them all at each start and adds only what is missing, so an administrator's later changes
 * in Camunda Admin stay. What a partner may see of one request is granted per instance instead ({@link ProcessAccess}).
 */
public interface ProcessGrants {

    void grant(Grants grants);

    /** The grants a feature may ask for. */
    interface Grants {

        /**
         * {@code group} may do {@code permissions} ({@code ProcessDefinitionPermissions}: READ, CREATE_INSTANCE, READ_INSTANCE,
         * READ_HISTORY, READ_TASK, …) on the process {@code processKey} and on every instance, task and history entry of it.
         */
        void process(String group, String processKey, Permission... permissions);

        /** {@code group} may start instances at all: the engine asks for this beside CREATE_INSTANCE on the definition. */
        void startInstances(String group);
    }
}
