package org.pastoralflow.workflow.dryrun;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Drives one recorded path through the model in the throwaway engine: starts it as the test did, then at each wait
 * state does what the test did next (completes the same task, fires the same timer, correlates the same message),
 * and compares where it comes out with where the path came out. The first step that cannot be taken stops it,
 * with the place and the reason in words; nothing here throws.
 */
final class PathReplay {

    private static final Pattern UNKNOWN = Pattern.compile("Cannot resolve identifier '([^']+)'");

    private final ProcessEngine engine;
    private final BpmnModelInstance model;
    private final String processDefinitionId;

    PathReplay(ProcessEngine engine, BpmnModelInstance model, String processDefinitionId) {
        this.engine = engine;
        this.model = model;
        this.processDefinitionId = processDefinitionId;
    }

    /** Where and why a path could not go on. */
    private static final class Stop extends Exception {
        final String at;

        Stop(String at, String why) {
            super(why, null, false, false);
            this.at = at;
        }
    }

    PathResult replay(Journey path) {
        String instance = null;
        try {
            instance = start(path.start());
            for (Journey.Step step : path.steps()) {
                take(instance, step);
            }
            compare(instance, path.outcome());
            return new PathResult(path.name(), true, visited(instance), null, null);
        } catch (Stop stop) {
            return new PathResult(path.name(), false, visited(instance), stop.at, stop.getMessage());
        } catch (RuntimeException unexpected) {
            return new PathResult(path.name(), false, visited(instance), null, "the dry run failed: " + firstLine(unexpected));
        }
    }

    private String start(Journey.Start start) throws Stop {
        Map<String, Object> variables = java(start.variables());
        try {
            if (start.timer()) {
                List<String> before = instanceIds();
                List<Job> timers = engine.getManagementService().createJobQuery().processDefinitionId(processDefinitionId)
                        .activityId(start.activityId()).timers().list();
                if (timers.isEmpty()) {
                    throw new Stop(label(start.activityId()), "no timer starts this model at " + label(start.activityId()));
                }
                engine.getManagementService().executeJob(timers.get(0).getId());
                List<String> after = instanceIds();
                after.removeAll(before);
                if (after.isEmpty()) {
                    throw new Stop(label(start.activityId()), "the timer at " + label(start.activityId()) + " started nothing");
                }
                return after.get(0);
            }
            if (start.message() != null) {
                return engine.getRuntimeService().createMessageCorrelation(start.message())
                        .processDefinitionId(processDefinitionId).processInstanceBusinessKey(start.businessKey())
                        .setVariables(variables).correlateStartMessage().getId();
            }
            ProcessInstance pi = engine.getRuntimeService().createProcessInstanceById(processDefinitionId)
                    .businessKey(start.businessKey()).setVariables(variables).execute();
            return pi.getId();
        } catch (RuntimeException e) {
            String how = start.message() != null ? "the message '" + start.message() + "'" : "its start";
            throw new Stop(label(start.activityId()), "starting it by " + how + " failed: " + explain(e));
        }
    }

    private void take(String instance, Journey.Step step) throws Stop {
        if (ended(instance)) {
            String end = lastEnd(instance);
            throw new Stop(label(end), "ended at " + label(end) + " before the path " + describe(step));
        }
        try {
            switch (step.kind()) {
                case COMPLETE_TASK -> engine.getTaskService().complete(task(instance, step).getId(), java(step.variables()));
                case EXECUTE_JOB -> engine.getManagementService().executeJob(job(instance, step).getId());
                case CORRELATE_MESSAGE -> correlate(instance, step);
                case SET_VARIABLES -> engine.getRuntimeService().setVariables(instance, java(step.variables()));
            }
        } catch (RuntimeException e) {
            throw new Stop(label(step.activityId()), "when the path " + describe(step) + ", " + explain(e));
        }
    }

    private Task task(String instance, Journey.Step step) throws Stop {
        List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(step.activityId()).list();
        if (tasks.isEmpty()) {
            throw new Stop(waitingLabel(instance), "waited at " + waitingLabel(instance) + " for a task the path completes at "
                    + label(step.activityId()));
        }
        // the tasks of a multi-instance are told apart by their own variables (the student of each statement)
        for (Task task : tasks) {
            Map<String, Object> local = engine.getRuntimeService().getVariablesLocal(task.getExecutionId());
            if (local.entrySet().containsAll(java(step.local()).entrySet())) {
                return task;
            }
        }
        return tasks.get(0);
    }

    private Job job(String instance, Journey.Step step) throws Stop {
        List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(instance)
                .activityId(step.activityId()).list();
        if (jobs.isEmpty()) {
            throw new Stop(waitingLabel(instance), "no timer to fire at " + label(step.activityId()) + ": it waits at "
                    + waitingLabel(instance));
        }
        return jobs.get(0);
    }

    private void correlate(String instance, Journey.Step step) throws Stop {
        long waiting = engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(instance)
                .eventType("message").eventName(step.message()).count();
        if (waiting == 0) {
            throw new Stop(waitingLabel(instance), "nothing waits for the message '" + step.message() + "' (the path's "
                    + label(step.activityId()) + "): it waits at " + waitingLabel(instance));
        }
        var correlation = engine.getRuntimeService().createMessageCorrelation(step.message()).processInstanceId(instance)
                .setVariables(java(step.variables()));
        if (!step.local().isEmpty()) {
            correlation.setVariablesToTriggeredScope(java(step.local()));
        }
        correlation.correlate();
    }

    private void compare(String instance, Journey.Outcome recorded) throws Stop {
        boolean ended = ended(instance);
        List<String> ends = endEvents(instance);
        if (recorded.ended() && ended) {
            if (!sorted(ends).equals(sorted(recorded.endEvents()))) {
                throw new Stop(label(lastEnd(instance)), "ended at " + labels(ends) + ", the path ended at "
                        + labels(recorded.endEvents()));
            }
        } else if (recorded.ended()) {
            throw new Stop(waitingLabel(instance), "waits at " + waitingLabel(instance) + ", the path ended at "
                    + labels(recorded.endEvents()));
        } else if (ended) {
            throw new Stop(label(lastEnd(instance)), "ended at " + labels(ends) + ", the path was still waiting at "
                    + labels(recorded.waitingAt()));
        } else {
            List<String> waiting = waitingAt(instance);
            if (!waiting.equals(sorted(recorded.waitingAt()))) {
                throw new Stop(labels(waiting), "waits at " + labels(waiting) + ", the path waited at "
                        + labels(recorded.waitingAt()));
            }
        }
    }

    private boolean ended(String instance) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count() == 0;
    }

    private List<String> waitingAt(String instance) {
        return sorted(engine.getRuntimeService().getActiveActivityIds(instance).stream().distinct().toList());
    }

    private String waitingLabel(String instance) {
        List<String> waiting = waitingAt(instance);
        return waiting.isEmpty() ? "nothing" : labels(waiting);
    }

    private List<HistoricActivityInstance> history(String instance) {
        if (instance == null) {
            return List.of();
        }
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
    }

    private List<String> visited(String instance) {
        return history(instance).stream().map(HistoricActivityInstance::getActivityId).toList();
    }

    private List<String> endEvents(String instance) {
        return history(instance).stream()
                .filter(a -> a.getActivityType() != null && a.getActivityType().endsWith("EndEvent") && !a.isCanceled()
                        && a.getEndTime() != null)
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    private String lastEnd(String instance) {
        List<String> ends = endEvents(instance);
        return ends.isEmpty() ? null : ends.get(ends.size() - 1);
    }

    private List<String> instanceIds() {
        return new ArrayList<>(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(processDefinitionId)
                .list().stream().map(ProcessInstance::getId).toList());
    }

    private String describe(Journey.Step step) {
        return switch (step.kind()) {
            case COMPLETE_TASK -> "completes " + label(step.activityId());
            case EXECUTE_JOB -> "fires the timer at " + label(step.activityId());
            case CORRELATE_MESSAGE -> "sends the message '" + step.message() + "'";
            case SET_VARIABLES -> "sets " + String.join(", ", step.variables().keySet());
        };
    }

    /** A failure in the engine in plain words: an expression naming something gone, or the engine's own message. */
    private String explain(RuntimeException e) {
        Throwable cause = e;
        while (cause != null) {
            Matcher unknown = UNKNOWN.matcher(String.valueOf(cause.getMessage()));
            if (unknown.find()) {
                String name = unknown.group(1);
                boolean delegate = model.getModelElementsByType(ServiceTask.class).stream()
                        .anyMatch(t -> ("${" + name + "}").equals(t.getCamundaDelegateExpression()));
                return delegate
                        ? "a delegate the path needs is gone: ${" + name + "} is none of the application's delegates"
                        : "an expression needs '" + name + "', which is neither a variable the path set nor one of the application's beans";
            }
            cause = cause.getCause();
        }
        return "the engine stopped: " + firstLine(e);
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** An element as a person finds it in the Modeler: its id and, when it has one, its name. */
    private String label(String id) {
        if (id == null) {
            return "the start";
        }
        ModelElementInstance element = model.getModelElementById(id);
        String name = element instanceof FlowElement f ? f.getName() : null;
        return name == null || name.isBlank() ? id : id + " \"" + name + "\"";
    }

    private String labels(List<String> ids) {
        return String.join(", ", ids.stream().map(this::label).toList());
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }

    private static Map<String, Object> java(Map<String, RecordedValue> recorded) {
        Map<String, Object> values = new TreeMap<>();
        recorded.forEach((name, value) -> values.put(name, value.toJava()));
        return values;
    }
}
