package org.pastoralflow.workflow.models;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.pastoralflow.workflow.models.ModelDiff.Change;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every process and decision the engine has, each with all its versions: when each was deployed, by whom and why
 * (from {@link ModelDeployments}; the release's own start-up deployments have no record and say so), and how many
 * instances of each process version are still running. Four queries for the whole list, however many keys and
 * versions: the definitions with their running counts (the engine's statistics query), the decision definitions,
 * the deployments and the deployment records. Counts and models are not case content: nothing here names a case.
 */
@Service
public class WorkflowVersions {

    public enum Kind { PROCESS, DECISION }

    /** One deployed version of a process or decision. {@code running} is null for a decision. */
    public record Version(Kind kind, String definitionId, String key, String name, int version, String deploymentId,
                          String resourceName, Instant deployedAt, ModelDeployment record, Long running) {

        /** Deployed by someone at the school (in the application), rather than by a Pastoral Flow release. */
        public boolean bySchool() {
            return record != null;
        }

        /** How this version came to be, in the page's words. */
        public String how() {
            if (record == null) {
                return "Pastoral Flow release";
            }
            return switch (record.getHow()) {
                case TABLE_EDITOR -> "Edited in the table editor";
                case UPLOAD -> "Uploaded from the Camunda Modeler";
                case RESTORE -> "An earlier version put back";
            };
        }

        /** The file's own name: the release's start-up deployments name a file by its path on the server. */
        public String fileName() {
            String name = resourceName.replace('\\', '/');
            return name.substring(name.lastIndexOf('/') + 1);
        }
    }

    /** A process or decision key and its versions, newest first. */
    public record Workflow(Kind kind, String key, List<Version> versions) {

        public Version current() {
            return versions.get(0);
        }

        public String name() {
            return current().name() == null ? key : current().name();
        }

        public boolean isProcess() {
            return kind == Kind.PROCESS;
        }

        /** Running instances of every version (a decision has none). */
        public long running() {
            return versions.stream().mapToLong(v -> v.running() == null ? 0 : v.running()).sum();
        }

        /** The versions that still have running instances, newest first. */
        public List<Version> withRunning() {
            return versions.stream().filter(v -> v.running() != null && v.running() > 0).toList();
        }

        public Optional<Version> version(String definitionId) {
            return versions.stream().filter(v -> v.definitionId().equals(definitionId)).findFirst();
        }

        /** The version before this one, if there is one. */
        public Optional<Version> before(Version version) {
            return versions.stream().filter(v -> v.version() < version.version()).findFirst();
        }

        /** For a version that put an earlier one back: that version's number; otherwise null. */
        public Integer restoredFrom(Version version) {
            if (version.record() == null || version.record().getRestoredFrom() == null) {
                return null;
            }
            return version(version.record().getRestoredFrom()).map(Version::version).orElse(null);
        }

        /**
         * The school's own newest version when a release deployed a newer one over it: the release's file replaced
         * the school's change (ADR 0032), and the page offers to put it back. Empty when the newest version is the
         * school's or the school never changed this one.
         */
        public Optional<Version> replacedByRelease() {
            if (current().bySchool()) {
                return Optional.empty();
            }
            return versions.stream().filter(Version::bySchool).findFirst();
        }
    }

    private final RepositoryService repository;
    private final ManagementService management;
    private final ModelDeployments deployments;
    private final ModelDiff diff;

    WorkflowVersions(RepositoryService repository, ManagementService management, ModelDeployments deployments, ModelDiff diff) {
        this.repository = repository;
        this.management = management;
        this.deployments = deployments;
        this.diff = diff;
    }

    /** Every process and then every decision, by name. */
    @Transactional(readOnly = true)
    public List<Workflow> all() {
        List<ProcessDefinitionStatistics> processes = management.createProcessDefinitionStatisticsQuery().unlimitedList();
        List<DecisionDefinition> decisions = repository.createDecisionDefinitionQuery().unlimitedList();
        Map<String, Instant> deployedAt = repository.createDeploymentQuery().unlimitedList().stream()
                .collect(Collectors.toMap(Deployment::getId, d -> d.getDeploymentTime().toInstant()));
        List<String> ids = new ArrayList<>(deployedAt.keySet());
        Map<String, ModelDeployment> records = ids.isEmpty() ? Map.of() : deployments.recordsOf(ids);

        List<Version> versions = new ArrayList<>();
        processes.forEach(p -> versions.add(new Version(Kind.PROCESS, p.getId(), p.getKey(), p.getName(), p.getVersion(),
                p.getDeploymentId(), p.getResourceName(), deployedAt.get(p.getDeploymentId()), records.get(p.getDeploymentId()),
                (long) p.getInstances())));
        decisions.forEach(d -> versions.add(new Version(Kind.DECISION, d.getId(), d.getKey(), d.getName(), d.getVersion(),
                d.getDeploymentId(), d.getResourceName(), deployedAt.get(d.getDeploymentId()), records.get(d.getDeploymentId()), null)));

        Map<String, List<Version>> byKey = versions.stream().collect(Collectors.groupingBy(v -> v.kind() + " " + v.key(),
                LinkedHashMap::new, Collectors.toList()));
        return byKey.values().stream()
                .map(list -> new Workflow(list.get(0).kind(), list.get(0).key(),
                        list.stream().sorted(Comparator.comparingInt(Version::version).reversed()).toList()))
                .sorted(Comparator.comparing(Workflow::kind).thenComparing(w -> w.name().toLowerCase()))
                .toList();
    }

    /** One key's versions; a process is found before a decision of the same key. */
    @Transactional(readOnly = true)
    public Optional<Workflow> one(String key) {
        return all().stream().filter(w -> w.key().equals(key)).findFirst();
    }

    /** The file of a version exactly as it was deployed. */
    @Transactional(readOnly = true)
    public byte[] file(Version version) {
        return deployments.file(version.deploymentId(), version.resourceName());
    }

    /** What changed from the version before this one; empty for the first version. */
    @Transactional(readOnly = true)
    public List<Change> changes(Workflow workflow, Version version) {
        return workflow.before(version)
                .map(before -> diff.between(version.resourceName(), file(before), file(version)))
                .orElse(List.of());
    }

    /** A decision version's table, read-only; empty for a decision that is not a table (a literal expression). */
    @Transactional(readOnly = true)
    public Optional<DecisionTableView> table(Version version) {
        Decision decision = repository.getDmnModelInstance(version.definitionId()).getModelElementById(version.key());
        if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
            return Optional.empty();
        }
        return Optional.of(DecisionTableView.of(version.key(), decision.getName(), table));
    }
}
