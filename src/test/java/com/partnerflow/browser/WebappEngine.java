package com.partnerflow.browser;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * Makes Camunda's webapps (Tasklist, Cockpit, Admin) use the application's process engine in tests.
 * <p>
 * The webapps look their engine up with {@code ProcessEngines.getProcessEngine("default")}. Its first
 * call builds an engine from every {@code camunda.cfg.xml} on the classpath, and the test classpath
 * holds one: the bare in-memory engine of the process tests. That engine, also named "default",
 * replaces the application's in the registry, and Tasklist then shows Camunda's "create the first
 * admin user" page of an empty database. Marking the registry initialized skips the scan; registering
 * the application's engine again repairs a registry that an earlier test already spoiled.
 */
final class WebappEngine extends ProcessEngines {

    private WebappEngine() {
    }

    static synchronized void use(ProcessEngine applicationEngine) {
        isInitialized = true;
        if (getProcessEngines().get(applicationEngine.getName()) != applicationEngine) {
            registerProcessEngine(applicationEngine);
        }
    }
}
