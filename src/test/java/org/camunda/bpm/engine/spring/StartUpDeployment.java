package org.camunda.bpm.engine.spring;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * Runs the Spring Boot starter's own start-up deployment again, as the next start of the application would: the
 * same resources, deployment name and duplicate filtering ({@code deploy-changed-only}) as configured. It lives in
 * the engine's package only because that method is protected; nothing else here is the engine's.
 */
public final class StartUpDeployment {

    private StartUpDeployment() {
    }

    public static void runAgain(ProcessEngine engine) {
        SpringTransactionsProcessEngineConfiguration configuration =
                (SpringTransactionsProcessEngineConfiguration) engine.getProcessEngineConfiguration();
        configuration.autoDeployResources(engine);
    }

    /** The name the start-up deployments are made under. */
    public static String deploymentName(ProcessEngine engine) {
        return ((SpringTransactionsProcessEngineConfiguration) engine.getProcessEngineConfiguration()).getDeploymentName();
    }

    public static boolean deploysChangedFilesOnly(ProcessEngine engine) {
        return ((SpringTransactionsProcessEngineConfiguration) engine.getProcessEngineConfiguration()).isDeployChangedOnly();
    }
}
