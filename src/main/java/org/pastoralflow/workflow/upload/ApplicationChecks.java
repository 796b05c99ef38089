package org.pastoralflow.workflow.upload;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.pastoralflow.workflow.TaskForm;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@link ModelChecks} against this running application: its task forms, its beans and delegates, the processes
 * and decision tables deployed now, and the engine's own parser (the one a deployment runs, run here without
 * deploying anything).
 */
@Component
public class ApplicationChecks {

    private final ApplicationContext context;
    private final List<TaskForm> forms;
    private final RepositoryService repository;
    private final ProcessEngineConfigurationImpl configuration;

    ApplicationChecks(ApplicationContext context, List<TaskForm> forms, ProcessEngine engine) {
        this.context = context;
        this.forms = forms;
        this.repository = engine.getRepositoryService();
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    /** Everything found in the file; {@code fileName} as in {@link ModelChecks#check}. */
    public List<Finding> check(String fileName, byte[] xml) {
        return new ModelChecks(parts(), this::engineProblems).check(fileName, xml);
    }

    ApplicationParts parts() {
        Set<String> formKeys = forms.stream().map(f -> "app:" + f.key()).collect(Collectors.toSet());
        Set<String> processes = repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getKey).collect(Collectors.toSet());
        Set<String> decisions = repository.createDecisionDefinitionQuery().latestVersion().list().stream()
                .map(DecisionDefinition::getKey).collect(Collectors.toSet());
        return new ApplicationParts(formKeys, context::containsBean, this::isDelegate, processes, decisions);
    }

    /** A bean of this application (not of a library) that the engine can call as a service task's delegate. */
    private boolean isDelegate(String name) {
        if (!context.containsBean(name) || !context.isTypeMatch(name, JavaDelegate.class)) {
            return false;
        }
        Class<?> type = context.getType(name);
        return type != null && type.getName().startsWith("org.pastoralflow.");
    }

    /**
     * What the engine's BPMN parser says of the file: the parse a deployment makes (schema, expressions, the
     * engine's own rules), inside a command so it sees the engine's settings, with a deployment that is never
     * saved. Nothing is written and nothing enters the engine's cache: that is the deployer's step, not the parser's.
     */
    private List<Finding> engineProblems(String resourceName, byte[] xml) {
        BpmnDeployer deployer = configuration.getDeployers().stream().filter(BpmnDeployer.class::isInstance)
                .map(BpmnDeployer.class::cast).findFirst().orElseThrow();
        try {
            configuration.getCommandExecutorTxRequired().execute(commandContext -> {
                DeploymentEntity deployment = new DeploymentEntity();
                deployment.setName("pastoral-flow-check");
                deployer.getBpmnParser().createParse().sourceInputStream(new ByteArrayInputStream(xml)).deployment(deployment)
                        .name(resourceName).execute();
                return null;
            });
            return List.of();
        } catch (ParseException e) {
            List<Finding> found = new ArrayList<>();
            for (ResourceReport report : e.getResorceReports()) {
                for (Problem problem : report.getErrors()) {
                    found.add(Finding.refusal(problem.getMainElementId(), null, "is refused by the engine: " + problem.getMessage()));
                }
            }
            if (found.isEmpty()) {
                found.add(Finding.refusal(null, null, "is refused by the engine: " + e.getMessage()));
            }
            return found;
        } catch (ProcessEngineException e) {
            return List.of(Finding.refusal(null, null, "is refused by the engine: " + e.getMessage()));
        }
    }
}
