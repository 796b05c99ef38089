package org.pastoralflow.workflow.dryrun;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One path a process test took through a model, recorded from the test engine's history while the test ran:
 * how the instance was started, what the test did to it next at each wait state, where it came out, and what
 * the application's delegates and expression beans answered on the way (so a replay can answer the same).
 * The name is the test's class and method.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Journey(String name, Start start, List<Step> steps, Outcome outcome, List<String> visited,
                      List<ServiceCall> serviceCalls, List<BeanCall> beanCalls, List<String> beans) {

    public Journey {
        steps = steps == null ? List.of() : List.copyOf(steps);
        visited = visited == null ? List.of() : List.copyOf(visited);
        serviceCalls = serviceCalls == null ? List.of() : List.copyOf(serviceCalls);
        beanCalls = beanCalls == null ? List.of() : List.copyOf(beanCalls);
        beans = beans == null ? List.of() : List.copyOf(beans);
    }

    /** How the instance began: at {@code activityId}, by a message when {@code message} is set, by its timer when {@code timer}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Start(String activityId, String message, boolean timer, String businessKey,
                        Map<String, RecordedValue> variables) {
        public Start {
            variables = variables == null ? Map.of() : Map.copyOf(variables);
        }
    }

    /** What the test did at a wait state. */
    public enum Kind {
        /** completed the user task of {@code activityId} with {@code variables}; {@code local} tells apart the tasks of a multi-instance */
        COMPLETE_TASK,
        /** executed the job (a timer, an asynchronous continuation) waiting at {@code activityId} */
        EXECUTE_JOB,
        /** correlated {@code message} with {@code variables} (and {@code local} to the triggered scope) */
        CORRELATE_MESSAGE,
        /** set {@code variables} on the instance, as the application does between steps */
        SET_VARIABLES
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Step(Kind kind, String activityId, String message, Map<String, RecordedValue> variables,
                       Map<String, RecordedValue> local) {
        public Step {
            variables = variables == null ? Map.of() : Map.copyOf(variables);
            local = local == null ? Map.of() : Map.copyOf(local);
        }
    }

    /** Where the path came out: ended (through these end events), or still waiting at these activities when the test finished. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Outcome(boolean ended, List<String> endEvents, List<String> waitingAt) {
        public Outcome {
            endEvents = endEvents == null ? List.of() : List.copyOf(endEvents);
            waitingAt = waitingAt == null ? List.of() : List.copyOf(waitingAt);
        }
    }

    /** A service task's delegate ran at {@code activityId} and set these variables. */
    public record ServiceCall(String activityId, Map<String, RecordedValue> variables) {
        public ServiceCall {
            variables = variables == null ? Map.of() : Map.copyOf(variables);
        }
    }

    /** An expression asked a published bean ({@code deadlines}, {@code mediationParties}, ...) and got {@code result}. */
    public record BeanCall(String activityId, String bean, String method, List<RecordedValue> args, RecordedValue result) {
        public BeanCall {
            args = args == null ? List.of() : List.copyOf(args);
        }
    }
}
