package org.pastoralflow.workflow.tables;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.workflow.TaskForm;
import org.pastoralflow.workflow.TaskView;
import org.pastoralflow.workflow.models.ModelDeployments;
import org.springframework.stereotype.Component;

/**
 * "Approve a routing table change" (table-change-approval.bpmn): the DSL sees the table as it runs now and as
 * proposed, why, by whom, and where the latest real cases would go (counts only), and approves or refuses with a note.
 */
@Component
class TableChangeForm implements TaskForm {

    private final TableChangeSteps steps;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final ModelDeployments deployments;
    private final TableRuns runs;
    private final TryIt tryIt;
    private final TableEditor editor;

    TableChangeForm(TableChangeSteps steps, RuntimeService runtime, RepositoryService repository, ModelDeployments deployments,
                    TableRuns runs, TryIt tryIt, TableEditor editor) {
        this.steps = steps;
        this.runtime = runtime;
        this.repository = repository;
        this.deployments = deployments;
        this.runs = runs;
        this.tryIt = tryIt;
        this.editor = editor;
    }

    @Override
    public String key() {
        return TableChangeProcess.FORM_KEY;
    }

    @Override
    public String view() {
        return "workflow/tables/approval";
    }

    @Override
    public Map<String, Object> model(TaskView task, Viewer viewer) {
        TableChange change = steps.byId(changeId(task));
        DecisionDefinition base = repository.getDecisionDefinition(change.getBaseDefinitionId());
        byte[] before = deployments.file(base.getDeploymentId(), base.getResourceName());
        byte[] after = change.getProposedXml().getBytes(StandardCharsets.UTF_8);
        EditedTable proposed = TableFiles.read(after, change.getDecisionKey());
        Map<String, Object> model = new HashMap<>();
        model.put("change", change);
        model.put("baseVersion", base.getVersion());
        model.put("before", TableFiles.read(before, change.getDecisionKey()));
        model.put("after", proposed);
        String output = editor.output(proposed);
        tryIt.latest(change.getDecisionKey(), runs.parse(before, change.getDecisionKey()), runs.parse(after, change.getDecisionKey()), output)
                .ifPresent(counts -> model.put("counts", counts));
        return model;
    }

    @Override
    public Map<String, Object> complete(TaskView task, FormData data, Viewer viewer) {
        return TableChangeSteps.approved(steps.decide(changeId(task), data, viewer.userId()));
    }

    private Long changeId(TaskView task) {
        return ((Number) runtime.getVariable(task.processInstanceId(), TableChangeProcess.TABLE_CHANGE_ID)).longValue();
    }
}
