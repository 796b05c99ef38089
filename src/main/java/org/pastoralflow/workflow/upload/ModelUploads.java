package org.pastoralflow.workflow.upload;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.workflow.models.ModelDeployment;
import org.pastoralflow.workflow.models.ModelDeployments;
import org.springframework.stereotype.Service;

/**
 * A model changed in the Camunda Modeler, or an earlier version put back: checked by {@link ApplicationChecks}
 * and, only if nothing refuses it, deployed through {@link ModelDeployments} as the next version of its process,
 * with who and why. The checks run again at the moment of deploying, on exactly the bytes that are deployed, so
 * what was shown as passing and what reaches the engine cannot differ. Running cases stay on their version
 * ({@link Migrations} moves them).
 */
@Service
public class ModelUploads {

    /** The largest model file taken: the largest shipped model is about 100 KB. */
    public static final int LARGEST = 2 * 1024 * 1024;

    /** A file and what the checks found in it; {@code processKey} null when it is not a readable model. */
    public record Checked(String processKey, byte[] xml, String fingerprint, List<Finding> findings, List<String> notes) {

        public boolean passes() {
            return ModelChecks.passes(findings);
        }

        public List<Finding> refusals() {
            return findings.stream().filter(Finding::refuses).toList();
        }

        public List<Finding> advice() {
            return findings.stream().filter(f -> !f.refuses()).toList();
        }

        /** The name the file is deployed under: the shipped model's ({@code referral.bpmn}). */
        public String resourceName() {
            return processKey + ".bpmn";
        }
    }

    /** A version of a process as the restore page shows it: the engine's definition and, if deployed here, who and why. */
    public record Version(ProcessDefinition definition, ModelDeployment deployedHere, boolean newest) {
    }

    /** The checks refused the file at the moment of deploying. */
    public static class RefusedException extends RuntimeException {
        private final transient Checked checked;

        RefusedException(Checked checked) {
            super("The model did not pass the checks");
            this.checked = checked;
        }

        public Checked checked() {
            return checked;
        }
    }

    private final ApplicationChecks checks;
    private final ModelDeployments deployments;
    private final RepositoryService repository;

    ModelUploads(ApplicationChecks checks, ModelDeployments deployments, RepositoryService repository) {
        this.checks = checks;
        this.deployments = deployments;
        this.repository = repository;
    }

    public Checked check(byte[] xml) {
        List<Finding> findings = checks.check(null, xml);
        BpmnModelInstance model = ModelChecks.readSafely(xml);
        String key = model == null ? null : model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable)
                .map(Process::getId).findFirst().orElse(null);
        List<String> notes = model == null || key == null ? List.of() : DslWork.notes(model, running(key));
        return new Checked(key, xml, fingerprint(xml), findings, notes);
    }

    /** Checks the file again and deploys it as the next version of its process. */
    public ModelDeployments.Deployed deploy(byte[] xml, String reason, String by) {
        Checked checked = check(xml);
        if (!checked.passes()) {
            throw new RefusedException(checked);
        }
        return deployments.deploy(checked.resourceName(), xml, reason, by, ModelDeployment.How.UPLOAD, null);
    }

    /** A version of the process, or 404 when there is no such version of it. */
    public Version version(String processKey, String processDefinitionId) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionId(processDefinitionId).singleResult();
        if (definition == null || !definition.getKey().equals(processKey)) {
            throw new NotFoundException("No version " + processDefinitionId + " of " + processKey);
        }
        ProcessDefinition newest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult();
        return new Version(definition, deployments.recordOf(definition.getDeploymentId()).orElse(null),
                newest.getId().equals(definition.getId()));
    }

    /** The earlier version's file, checked against the application as it is today. */
    public Checked checkRestore(String processKey, String processDefinitionId) {
        Version version = version(processKey, processDefinitionId);
        return check(deployments.file(version.definition().getDeploymentId(), version.definition().getResourceName()));
    }

    /** Deploys the earlier version's file again, as the next version, if it passes today's checks. */
    public ModelDeployments.Deployed restore(String processKey, String processDefinitionId, String reason, String by) {
        Checked checked = checkRestore(processKey, processDefinitionId);
        if (!checked.passes()) {
            throw new RefusedException(checked);
        }
        return deployments.deploy(checked.resourceName(), checked.xml(), reason, by, ModelDeployment.How.RESTORE, processDefinitionId);
    }

    private BpmnModelInstance running(String key) {
        ProcessDefinition newest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
        return newest == null ? null : repository.getBpmnModelInstance(newest.getId());
    }

    static String fingerprint(byte[] xml) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(xml));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
