package org.pastoralflow.workflow.upload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.workflow.models.ModelDeployments;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving running cases of an older version of a model to the newest, with the engine's process instance
 * migration: a plan that maps every activity to the one of the same id in the newest version (as
 * {@code workflow.ModelUpgrades} does at start-up), previewed, then carried out as a batch the job executor works
 * through. A case waiting at a step the newest version does not have cannot move and stays where it is.
 * <p>
 * What an administrator sees is about models, not cases (ADR 0014): counts, the engine's instance ids and the
 * names of the steps cases wait at; never a business key, a variable or a student.
 */
@Service
public class Migrations {

    /** Instances listed by id on the preview; the counts cover all of them. */
    static final int LISTED = 200;

    private static final String BODY = "#multiInstanceBody";

    /** A version of the process and how many cases run on it. */
    public record VersionRow(String definitionId, int version, long running, boolean newest) {
    }

    /** A step of the older version and the step of the newest it maps to. */
    public record Mapping(String from, String to) {
    }

    /** A running case: where it waits and whether it can move. */
    public record Case(String instanceId, List<String> waitingAt, boolean canMove) {
    }

    /** What moving the cases of one version to the newest would do. */
    public record Preview(VersionRow from, VersionRow to, List<Mapping> mapped, Map<String, Long> stuckAt, String planProblem,
                          List<Case> cases, long canMove, long cannotMove) {
    }

    /** A migration batch and how far it has got. */
    public record Progress(String batchId, java.util.Date started, int total, int done, int remaining, int failed) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final ManagementService management;
    private final AuditLog audit;

    Migrations(RepositoryService repository, RuntimeService runtime, HistoryService history, ManagementService management,
               AuditLog audit) {
        this.repository = repository;
        this.runtime = runtime;
        this.history = history;
        this.management = management;
        this.audit = audit;
    }

    /** Every version of the process, newest first, with its running cases; 404 for a process that does not exist. */
    public List<VersionRow> versions(String processKey) {
        List<ProcessDefinition> all = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .orderByProcessDefinitionVersion().desc().list();
        if (all.isEmpty()) {
            throw new NotFoundException("No process " + processKey);
        }
        String newest = all.get(0).getId();
        return all.stream().map(d -> new VersionRow(d.getId(), d.getVersion(),
                runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count(), d.getId().equals(newest))).toList();
    }

    public Preview preview(String processKey, String fromId) {
        return assess(processKey, fromId).preview();
    }

    /** The preview, and the id of every case that can move (the preview lists only the first {@value #LISTED}). */
    private record Assessment(Preview preview, List<String> movable) {
    }

    private Assessment assess(String processKey, String fromId) {
        List<VersionRow> versions = versions(processKey);
        VersionRow to = versions.get(0);
        VersionRow from = versions.stream().filter(v -> v.definitionId().equals(fromId) && !v.newest()).findFirst()
                .orElseThrow(() -> new NotFoundException("No older version " + fromId + " of " + processKey));
        BpmnModelInstance source = repository.getBpmnModelInstance(from.definitionId());
        BpmnModelInstance target = repository.getBpmnModelInstance(to.definitionId());
        List<Mapping> mapped = new ArrayList<>();
        Set<String> mappedIds = new LinkedHashSet<>();
        String planProblem = null;
        try {
            for (MigrationInstruction i : plan(from, to).getInstructions()) {
                mappedIds.add(i.getSourceActivityId());
                if (!i.getSourceActivityId().endsWith(BODY)) {
                    mapped.add(new Mapping(name(source, i.getSourceActivityId()), name(target, i.getTargetActivityId())));
                }
            }
        } catch (MigrationPlanValidationException e) {
            planProblem = e.getValidationReport().getInstructionReports().stream()
                    .map(r -> name(source, r.getMigrationInstruction().getSourceActivityId()) + ": " + String.join("; ", r.getFailures()))
                    .collect(Collectors.joining(". "));
        }
        Map<String, Long> stuckAt = new LinkedHashMap<>();
        for (ActivityStatistics s : management.createActivityStatisticsQuery(from.definitionId()).list()) {
            if (!mappedIds.contains(s.getId())) {
                stuckAt.merge(name(source, s.getId()), (long) s.getInstances(), Long::sum);
            }
        }
        Map<String, List<HistoricActivityInstance>> waiting = history.createHistoricActivityInstanceQuery()
                .processDefinitionId(from.definitionId()).unfinished().list().stream()
                .collect(Collectors.groupingBy(HistoricActivityInstance::getProcessInstanceId, LinkedHashMap::new, Collectors.toList()));
        List<Case> cases = new ArrayList<>();
        List<String> movable = new ArrayList<>();
        for (Map.Entry<String, List<HistoricActivityInstance>> e : waiting.entrySet()) {
            boolean moves = planProblem == null && e.getValue().stream().allMatch(a -> mappedIds.contains(a.getActivityId()));
            if (moves) {
                movable.add(e.getKey());
            }
            if (cases.size() < LISTED) {
                cases.add(new Case(e.getKey(), e.getValue().stream().filter(a -> !a.getActivityId().endsWith(BODY))
                        .map(a -> name(source, a.getActivityId())).distinct().toList(), moves));
            }
        }
        return new Assessment(new Preview(from, to, mapped, stuckAt, planProblem, cases, movable.size(), waiting.size() - movable.size()),
                movable);
    }

    /**
     * Starts moving every case of the older version that can move, as a batch (the job executor carries it out;
     * the page shows its progress). Returns the batch, or null when no case can move.
     */
    @Transactional
    public Batch move(String processKey, String fromId, String by) {
        Assessment assessment = assess(processKey, fromId);
        Preview preview = assessment.preview();
        List<String> movable = assessment.movable();
        if (movable.isEmpty()) {
            return null;
        }
        Batch batch = runtime.newMigration(plan(preview.from(), preview.to())).processInstanceIds(movable).executeAsync();
        audit.record(by, "MIGRATE", ModelDeployments.AUDIT_TYPE, null, null, "Moving " + movable.size() + " running " + processKey
                + " workflows from version " + preview.from().version() + " to version " + preview.to().version() + " (batch "
                + batch.getId() + "); " + preview.cannotMove() + " cannot move and stay");
        return batch;
    }

    /** Every migration batch not yet finished, with its progress. */
    public List<Progress> running() {
        return management.createBatchStatisticsQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).list().stream()
                .map(Migrations::progress).toList();
    }

    private static Progress progress(BatchStatistics b) {
        return new Progress(b.getId(), b.getStartTime(), b.getTotalJobs(), b.getCompletedJobs(), b.getRemainingJobs(), b.getFailedJobs());
    }

    private MigrationPlan plan(VersionRow from, VersionRow to) {
        return runtime.createMigrationPlan(from.definitionId(), to.definitionId()).mapEqualActivities().build();
    }

    /** The step's name as the model has it ("DSL review"), or its id. */
    private static String name(BpmnModelInstance model, String activityId) {
        String id = activityId.endsWith(BODY) ? activityId.substring(0, activityId.length() - BODY.length()) : activityId;
        ModelElementInstance element = model.getModelElementById(id);
        String name = element == null ? null : element.getAttributeValue("name");
        return name == null || name.isBlank() ? id : name;
    }
}
