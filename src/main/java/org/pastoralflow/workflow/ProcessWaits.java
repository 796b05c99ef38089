package org.pastoralflow.workflow;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A running instance's waits after the record they are computed from has changed (an EHCP review meeting
 * moved). The engine reads a timer's expression once, when the timer is created; here each timer the instance
 * waits on reads its own expression again, so the model stays the one place that says which date a timer
 * follows. A task's due date has no such re-reading in the engine, so the caller gives the new ones by task.
 */
@Component
public class ProcessWaits {

    private final ManagementService management;
    private final TaskService tasks;

    public ProcessWaits(ManagementService management, TaskService tasks) {
        this.management = management;
        this.tasks = tasks;
    }

    /** Every timer of the instance re-read from its expression, and the open tasks named in {@code dueDates} given theirs. */
    public void follow(String processInstanceId, Map<String, Date> dueDates) {
        for (Job timer : management.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
            management.recalculateJobDuedate(timer.getId(), false);
        }
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
            Date due = dueDates.get(task.getTaskDefinitionKey());
            if (due != null) {
                task.setDueDate(due);
                tasks.saveTask(task);
            }
        }
    }
}
