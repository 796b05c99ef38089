package org.pastoralflow.workflow.upload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.pastoralflow.security.Group;

/**
 * What a changed model does to the Designated Safeguarding Leads' work, said before it is deployed: the tasks it
 * gives them, and any task that was theirs in the running version and is gone or offered to someone else. An
 * uploaded model needs no DSL's approval (a decision table that routes safeguarding concerns does); every version,
 * with who deployed it and why, is on the Workflows page the DSLs read (docs/workflows-for-schools.md).
 */
final class DslWork {

    private DslWork() {
    }

    static List<String> notes(BpmnModelInstance changed, BpmnModelInstance running) {
        List<String> notes = new ArrayList<>();
        Map<String, UserTask> now = dslTasks(changed);
        if (!now.isEmpty()) {
            notes.add("This model gives work to the Designated Safeguarding Leads: " + String.join(", ", now.values().stream()
                    .map(DslWork::named).toList()) + ". The DSLs see every version of it, who deployed it and why, on the Workflows page.");
        }
        if (running == null) {
            return notes;
        }
        dslTasks(running).forEach((id, before) -> {
            UserTask after = changed.getModelElementById(id) instanceof UserTask t ? t : null;
            if (after == null) {
                notes.add(named(before) + " was the DSLs' task in the running version and is not in this one.");
            } else if (!now.containsKey(id)) {
                notes.add(named(before) + " was the DSLs' task in the running version; this one offers it to "
                        + (after.getCamundaCandidateGroups() == null ? after.getCamundaAssignee() : after.getCamundaCandidateGroups()) + ".");
            }
        });
        return notes;
    }

    /** User tasks offered to the DSL group by name (a group chosen by an expression is decided case by case). */
    private static Map<String, UserTask> dslTasks(BpmnModelInstance model) {
        Map<String, UserTask> tasks = new LinkedHashMap<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String groups = task.getCamundaCandidateGroups();
            if (groups != null && !ExpressionRules.hasExpression(groups)
                    && Arrays.stream(groups.split(",")).map(String::trim).anyMatch(Group.DSL.id()::equals)) {
                tasks.put(task.getId(), task);
            }
        }
        return tasks;
    }

    private static String named(UserTask task) {
        return task.getName() == null ? task.getId() : "\u201c" + task.getName() + "\u201d";
    }
}
