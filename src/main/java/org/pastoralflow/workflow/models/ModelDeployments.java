package org.pastoralflow.workflow.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.forms.TextInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a model or decision table changed in the application reaches the engine: a new engine deployment
 * of that one file, so the engine numbers it as the next version of its key and running instances stay on the
 * version they started on. The person and the reason are kept beside it ({@link ModelDeployment}) and audited.
 * <p>
 * Whatever checks a change needs (the table editor's, an upload's) are made by its caller before this is called;
 * this refuses only what no caller may send: a missing reason, or text no person types.
 */
@Service
public class ModelDeployments {

    /**
     * The name of the engine deployments made here. The application's own models are deployed at start-up under
     * another name, and the engine's duplicate filtering compares a start-up deployment only with earlier ones of
     * its own name, so a school's version is never mistaken for the release's.
     */
    public static final String DEPLOYMENT_NAME = "pastoral-flow-school";

    /** Audit record type of a deployment (administration: it is about no student). */
    public static final String AUDIT_TYPE = "workflow-model";

    static final int REASON_LENGTH = 1000;

    /** What was deployed: the engine's deployment and the definitions (processes or decisions) it made. */
    public record Deployed(String deploymentId, String resourceName, List<Definition> definitions) {
    }

    /** A process or decision definition: its engine id, key and version number. */
    public record Definition(String id, String key, int version) {
    }

    private final RepositoryService repository;
    private final ModelDeploymentRepository records;
    private final AuditLog audit;
    private final Clock clock;

    ModelDeployments(RepositoryService repository, ModelDeploymentRepository records, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Deploys the file as the next version of the models it defines. {@code resourceName} is the file's name as
     * in {@code processes/} (e.g. {@code referral-routing.dmn}): the engine tells a BPMN from a DMN file by it.
     * {@code restoredFrom} is the definition id of the version put back, for a restore; otherwise null.
     */
    @Transactional
    public Deployed deploy(String resourceName, byte[] xml, String reason, String by, ModelDeployment.How how,
                           String restoredFrom) {
        String why = reason(reason);
        DeploymentWithDefinitions deployment = repository.createDeployment().name(DEPLOYMENT_NAME).source(DEPLOYMENT_NAME)
                .addString(resourceName, new String(xml, StandardCharsets.UTF_8)).deployWithResult();
        List<Definition> definitions = new ArrayList<>();
        for (List<? extends ResourceDefinition> list : List.of(nullSafe(deployment.getDeployedProcessDefinitions()),
                nullSafe(deployment.getDeployedDecisionDefinitions()))) {
            list.forEach(d -> definitions.add(new Definition(d.getId(), d.getKey(), d.getVersion())));
        }
        records.save(new ModelDeployment(deployment.getId(), resourceName, how, why, by, clock.instant(), restoredFrom));
        audit.record(by, how.name(), AUDIT_TYPE, null, null, resourceName + " deployed as "
                + definitions.stream().map(d -> d.key() + " v" + d.version()).collect(Collectors.joining(", ")) + ": " + why);
        return new Deployed(deployment.getId(), resourceName, definitions);
    }

    /** Who deployed each of these engine deployments from the application, and why; the release's have none. */
    @Transactional(readOnly = true)
    public Map<String, ModelDeployment> recordsOf(Collection<String> deploymentIds) {
        return records.findByDeploymentIdIn(deploymentIds).stream()
                .collect(Collectors.toMap(ModelDeployment::getDeploymentId, Function.identity()));
    }

    @Transactional(readOnly = true)
    public Optional<ModelDeployment> recordOf(String deploymentId) {
        return records.findByDeploymentId(deploymentId);
    }

    /** The file of a deployed version exactly as it was deployed (for export, diff and restore). */
    @Transactional(readOnly = true)
    public byte[] file(String deploymentId, String resourceName) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, resourceName)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String reason(String raw) {
        String problem = TextInput.problem(raw);
        if (problem != null) {
            throw InvalidFormException.of("reason", "The reason " + problem);
        }
        String text = raw == null ? "" : TextInput.normalise(raw).strip();
        if (text.isEmpty()) {
            throw InvalidFormException.of("reason", "Say why this version is deployed: the next person to change it will read it");
        }
        if (text.length() > REASON_LENGTH) {
            throw InvalidFormException.of("reason", "The reason is longer than " + REASON_LENGTH + " characters");
        }
        return text;
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
