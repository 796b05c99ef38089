package org.pastoralflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.pastoralflow.workflow.dryrun.Journey;
import org.pastoralflow.workflow.dryrun.JourneyFile;
import org.pastoralflow.workflow.dryrun.Journeys;
import org.pastoralflow.workflow.dryrun.RecordedValue;

/**
 * Records the paths a process test takes, for the dry run of a changed model ({@code workflow.dryrun}). It listens
 * to the engine's history as it is made, so it sees everything in the order it happened and the command each thing
 * happened in: the command tells what the test did (started, completed a task, executed a job, correlated a
 * message, set variables); the history tells with what, and where the instance went. Each root instance a
 * {@code *ProcessTest} starts is one path, named by the test method that started it, and is written to
 * {@code src/main/resources/journeys/<processKey>.json} when it ends or the test throws it away.
 * <p>
 * On only with {@code -Dpastoral.journeys.record=true} ({@link JourneyFile#RECORD_COMMAND}); the process tests'
 * assertions do not change.
 */
public final class JourneyRecorder implements HistoryEventHandler {

    public static final String PROPERTY = "pastoral.journeys.record";
    static final Path FOLDER = Path.of("src/main/resources", Journeys.FOLDER);

    /** Variables the engine keeps for a multi-instance, not set by a test or a delegate. */
    private static final Set<String> BOOKKEEPING = Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances",
            "nrOfCompletedInstances");

    private static final Set<String> JOINS = Set.of("parallelGateway", "inclusiveGateway", "complexGateway");

    /** All paths recorded in this JVM, by process key and name, and the test classes that recorded (their old paths are replaced). */
    private static final Map<String, Map<String, Journey>> RECORDED = new TreeMap<>();
    private static final Set<String> CLASSES = new HashSet<>();
    private static final Map<String, Integer> NAMES_USED = new HashMap<>();

    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    private final Class<?> testClass;
    private final Map<String, Recording> byInstance = new HashMap<>();

    JourneyRecorder(Class<?> testClass) {
        this.testClass = testClass;
        synchronized (RECORDED) {
            CLASSES.add(testClass.getSimpleName());
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        String pi = event.getProcessInstanceId();
        if (pi == null) {
            return;
        }
        if (event instanceof HistoricProcessInstanceEventEntity p && event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)) {
            if (p.getSuperProcessInstanceId() == null) {
                byInstance.put(pi, new Recording(name(), p, command()));
            }
            return;
        }
        Recording r = byInstance.get(pi);
        if (r == null || r.frozen) {
            return;
        }
        r.onCommand(Context.getCommandContext(), command());
        if (r.spoiled) {
            return;
        }
        if (event instanceof HistoricProcessInstanceEventEntity p && event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)) {
            // deleted with the test's deployment (or by the test): the path stops where it was, it did not end
            Command<?> command = command();
            r.end("EXTERNALLY_TERMINATED".equals(p.getState())
                    || command != null && command.getClass().getSimpleName().startsWith("Delete"));
            write(r.processKey, r.journey(), r.spoiled);
        } else if (event instanceof HistoricActivityInstanceEventEntity a) {
            r.activity(a);
        } else if (event instanceof HistoricTaskInstanceEventEntity t && event.isEventOfType(HistoryEventTypes.TASK_INSTANCE_COMPLETE)) {
            r.taskCompleted(t);
        } else if (event instanceof HistoricVariableUpdateEventEntity v
                && (event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
                || event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE))) {
            r.variable(v);
        } else if (event instanceof HistoricJobLogEvent j && j.isSuccessLog()) {
            r.jobExecuted(j.getActivityId());
        }
    }

    /** A published bean's answer to an expression of this instance (from {@link RecordingExpressionManager}). */
    void beanCall(String processInstanceId, String activityId, String bean, String method, Object[] args, Object result) {
        Recording r = byInstance.get(processInstanceId);
        if (r != null && !r.frozen) {
            List<RecordedValue> recordedArgs = new ArrayList<>();
            for (Object a : args == null ? new Object[0] : args) {
                recordedArgs.add(RecordedValue.of(a));
            }
            r.beanCalls.add(new Journey.BeanCall(activityId, bean, method, recordedArgs, RecordedValue.of(result)));
        }
    }

    /** A delegate ran at this activity and changed these variables (transient ones too: facts are kept out of history). */
    void serviceCall(String processInstanceId, String activityId, Map<String, Object> changed) {
        Recording r = byInstance.get(processInstanceId);
        if (r != null && !r.frozen) {
            Map<String, RecordedValue> recorded = new TreeMap<>();
            changed.forEach((name, value) -> recorded.put(name, RecordedValue.of(value)));
            r.serviceCalls.add(new Journey.ServiceCall(activityId, recorded));
        }
    }

    /**
     * The variables an instance has as it leaves its start event: those the test started it with, the transient
     * facts among them too (a referral's category), which the history never sees.
     */
    void started(String processInstanceId, Map<String, Object> variables) {
        Recording r = byInstance.get(processInstanceId);
        if (r != null && r.steps.isEmpty() && r.pending == null) {
            variables.forEach((name, value) -> r.startVariables.put(name, RecordedValue.of(value)));
        }
    }

    /** Listens at the end of each process-level start event for {@link #started}. */
    BpmnParseListener startListener() {
        ExecutionListener listener = execution -> started(execution.getProcessInstanceId(), execution.getVariables());
        return new AbstractBpmnParseListener() {
            @Override
            public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
                if (scope instanceof ProcessDefinitionEntity) {
                    startEventActivity.addListener(ExecutionListener.EVENTNAME_END, listener);
                }
            }
        };
    }

    /** Marks the delegate's own variable changes, which are not the test's step. */
    void inDelegate(String processInstanceId, boolean inside) {
        Recording r = byInstance.get(processInstanceId);
        if (r != null) {
            r.inDelegate = inside;
        }
    }

    void beanUsed(String processInstanceId, String bean) {
        Recording r = byInstance.get(processInstanceId);
        if (r != null) {
            r.beans.add(bean);
        }
    }

    private static Command<?> command() {
        CommandInvocationContext c = Context.getCommandInvocationContext();
        return c == null ? null : c.getCommand();
    }

    /** The test method that started the instance: the outermost frame of the test class on the stack. */
    private String name() {
        String method = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(f -> f.getDeclaringClass().getName().startsWith(testClass.getName()))
                        .filter(f -> !f.getMethodName().startsWith("lambda$"))
                        .reduce((inner, outer) -> outer).map(StackWalker.StackFrame::getMethodName).orElse("unknown"));
        String name = testClass.getSimpleName() + "." + method;
        synchronized (RECORDED) {
            int n = NAMES_USED.merge(name, 1, Integer::sum);
            return n == 1 ? name : name + "#" + n;
        }
    }

    private static void write(String key, Journey journey, boolean spoiled) {
        if (spoiled) {
            return;
        }
        synchronized (RECORDED) {
            Map<String, Journey> paths = RECORDED.computeIfAbsent(key, k -> new TreeMap<>());
            paths.put(journey.name(), journey);
            try {
                Files.createDirectories(FOLDER);
                Path file = FOLDER.resolve(key + ".json");
                Map<String, Journey> all = new TreeMap<>();
                if (Files.exists(file)) {
                    for (Journey kept : Journeys.JSON.readValue(file.toFile(), JourneyFile.class).paths()) {
                        if (!CLASSES.contains(kept.name().substring(0, kept.name().indexOf('.')))) {
                            all.put(kept.name(), kept);
                        }
                    }
                }
                all.putAll(paths);
                List<Journey> sorted = new ArrayList<>(all.values());
                sorted.sort(Comparator.comparing(Journey::name));
                Journeys.JSON.writeValue(file.toFile(), new JourneyFile(key, JourneyFile.RECORD_COMMAND, sorted));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The path of one root instance, built as its history arrives. */
    private final class Recording {
        final String name;
        final String processKey;
        final String processInstanceId;
        final String processDefinitionId;
        String startActivityId;
        final String startMessage;
        final boolean startTimer;
        final String businessKey;
        final Map<String, RecordedValue> startVariables = new TreeMap<>();
        /** whether the start has gone past its start event: the engine sets the start's variables inside it */
        boolean startDriven;

        final List<Journey.Step> steps = new ArrayList<>();
        final List<String> visited = new ArrayList<>();
        final List<String> endEvents = new ArrayList<>();
        final List<Journey.ServiceCall> serviceCalls = new ArrayList<>();
        final List<Journey.BeanCall> beanCalls = new ArrayList<>();
        final Set<String> beans = new TreeSet<>();
        /** open activity instances: id to (activity id, type, parent instance id), in the order they began */
        final Map<String, String[]> open = new LinkedHashMap<>();
        final Map<String, Map<String, RecordedValue>> localsByExecution = new HashMap<>();
        /** inside a delegate's call: what it sets is the delegate's, not the test's */
        boolean inDelegate;

        Object commandContext;
        Pending pending;
        List<String> waitingAt = List.of();
        boolean frozen;
        boolean ended;
        /**
         * A command of the path was rolled back (the test expected the engine to refuse a step): its history was
         * seen here but never happened, and a replay cannot expect a refusal, so the path is not kept.
         */
        boolean spoiled;

        Recording(String name, HistoricProcessInstanceEventEntity p, Command<?> command) {
            this.name = name;
            this.processKey = p.getProcessDefinitionKey();
            this.processInstanceId = p.getProcessInstanceId();
            this.processDefinitionId = p.getProcessDefinitionId();
            this.startActivityId = p.getStartActivityId();
            this.startTimer = command instanceof ExecuteJobsCmd;
            this.startMessage = startActivityId == null ? null : messageOf(startActivityId);
            this.businessKey = p.getBusinessKey();
            this.commandContext = Context.getCommandContext();
            spoilOnRollback();
        }

        private void spoilOnRollback() {
            Context.getCommandContext().getTransactionContext()
                    .addTransactionListener(TransactionState.ROLLED_BACK, context -> spoiled = true);
        }

        void onCommand(Object context, Command<?> command) {
            if (context == commandContext) {
                return;
            }
            finishCommand();
            commandContext = context;
            pending = new Pending(kindOf(command));
            spoilOnRollback();
        }

        void finishCommand() {
            if (pending != null && pending.kind != null) {
                Journey.Step step = pending.step();
                if (step != null) {
                    steps.add(step);
                }
            }
            pending = null;
            waitingAt = leaves();
        }

        void activity(HistoricActivityInstanceEventEntity a) {
            if (a.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_START)) {
                open.put(a.getActivityInstanceId(), new String[] {a.getActivityId(), a.getActivityType(), a.getParentActivityInstanceId()});
                visited.add(a.getActivityId());
                if (startActivityId == null) {
                    startActivityId = a.getActivityId();
                }
                startDriven |= !a.getActivityId().equals(startActivityId);
            } else if (a.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_END)) {
                open.remove(a.getActivityInstanceId());
                startDriven = true;
                if (a.getActivityType() != null && a.getActivityType().endsWith("EndEvent") && !a.isCanceled()) {
                    endEvents.add(a.getActivityId());
                }
            } else {
                return;
            }
            if (pending != null && pending.firstActivityId == null) {
                pending.firstActivityId = a.getActivityId();
            }
            // a message triggers its event; an event cancelled by it (an interrupting event sub-process) is not the one
            if (pending != null && pending.kind == Journey.Kind.CORRELATE_MESSAGE && !pending.driven && !a.isCanceled()) {
                String message = messageOf(a.getActivityId());
                if (message != null) {
                    pending.activityId = a.getActivityId();
                    pending.message = message;
                    pending.driven = true;
                }
            }
        }

        void taskCompleted(HistoricTaskInstanceEventEntity t) {
            if (pending != null && pending.kind == Journey.Kind.COMPLETE_TASK && !pending.driven) {
                pending.activityId = t.getTaskDefinitionKey();
                pending.local.putAll(localsByExecution.getOrDefault(t.getExecutionId(), Map.of()));
                pending.driven = true;
            }
        }

        void jobExecuted(String activityId) {
            if (pending != null && pending.kind == Journey.Kind.EXECUTE_JOB && pending.activityId == null) {
                pending.activityId = activityId;
            }
        }

        void variable(HistoricVariableUpdateEventEntity v) {
            String name = v.getVariableName();
            RecordedValue value = RecordedValue.of(valueOf(v));
            boolean local = !processInstanceId.equals(v.getExecutionId());
            if (local && !BOOKKEEPING.contains(name)) {
                localsByExecution.computeIfAbsent(v.getExecutionId(), e -> new TreeMap<>()).put(name, value);
            }
            if (inDelegate) {
                return;
            }
            if (pending == null && !startDriven) {
                startVariables.put(name, value);
            } else if (pending != null && pending.kind != null && !pending.driven) {
                (local && pending.kind == Journey.Kind.CORRELATE_MESSAGE ? pending.local : pending.variables).put(name, value);
            }
        }

        void end(boolean thrownAway) {
            if (thrownAway) {
                // the test ended (its deployment deleted with the instances): the path stops where the last command left it
                pending = null;
            } else {
                finishCommand();
                ended = true;
                waitingAt = List.of();
            }
            frozen = true;
        }

        Journey journey() {
            return new Journey(name, new Journey.Start(startActivityId, startMessage, startTimer, businessKey, startVariables),
                    steps, new Journey.Outcome(ended, endEvents, waitingAt), visited, serviceCalls, beanCalls,
                    new ArrayList<>(beans));
        }

        /** The activities the instance waits in: open instances with no open instance inside them. */
        private List<String> leaves() {
            Set<String> parents = new HashSet<>();
            open.values().forEach(o -> parents.add(o[2]));
            TreeSet<String> leaves = new TreeSet<>();
            open.forEach((id, o) -> {
                // a parallel join keeps its history open while it waits for the other branches; it holds no token
                if (!parents.contains(id) && !JOINS.contains(o[1])) {
                    leaves.add(o[0]);
                }
            });
            return List.copyOf(leaves);
        }

        private String messageOf(String activityId) {
            ModelElementInstance element = Context.getProcessEngineConfiguration().getDeploymentCache()
                    .findBpmnModelInstanceForProcessDefinition(processDefinitionId).getModelElementById(activityId);
            if (element instanceof CatchEvent e) {
                for (var definition : e.getEventDefinitions()) {
                    if (definition instanceof MessageEventDefinition m && m.getMessage() != null) {
                        return m.getMessage().getName();
                    }
                }
            }
            return null;
        }
    }

    /** The value of a variable event, read back from the columns its type is stored in. */
    private static Object valueOf(HistoricVariableUpdateEventEntity v) {
        String type = v.getSerializerName();
        return switch (type) {
            case "null" -> null;
            case "string" -> v.getTextValue();
            case "boolean" -> v.getLongValue() != null && v.getLongValue() == 1L;
            case "integer" -> v.getLongValue().intValue();
            case "long" -> v.getLongValue();
            case "short" -> v.getLongValue().shortValue();
            case "double" -> v.getDoubleValue();
            case "date" -> new java.util.Date(v.getLongValue());
            case "serializable" -> deserialize(v.getByteValue());
            default -> throw new IllegalArgumentException("variable " + v.getVariableName() + " is of a type a recorded path"
                    + " does not keep: " + type);
        };
    }

    private static Object deserialize(byte[] bytes) {
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Journey.Kind kindOf(Command<?> command) {
        if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
            return Journey.Kind.COMPLETE_TASK;
        }
        if (command instanceof ExecuteJobsCmd) {
            return Journey.Kind.EXECUTE_JOB;
        }
        if (command instanceof CorrelateMessageCmd || command instanceof CorrelateAllMessageCmd
                || command instanceof MessageEventReceivedCmd) {
            return Journey.Kind.CORRELATE_MESSAGE;
        }
        if (command instanceof SetExecutionVariablesCmd || command instanceof SetTaskVariablesCmd) {
            return Journey.Kind.SET_VARIABLES;
        }
        return null;
    }

    /** The step of the command under way, filled in as its history arrives. */
    private static final class Pending {
        final Journey.Kind kind;
        String activityId;
        /** the job's activity when the instance ends before the job's success is logged */
        String firstActivityId;
        String message;
        final Map<String, RecordedValue> variables = new TreeMap<>();
        final Map<String, RecordedValue> local = new TreeMap<>();
        boolean driven;

        Pending(Journey.Kind kind) {
            this.kind = kind;
        }

        Journey.Step step() {
            return switch (kind) {
                case COMPLETE_TASK -> activityId != null ? new Journey.Step(kind, activityId, null, variables, local)
                        : variables.isEmpty() ? null : new Journey.Step(Journey.Kind.SET_VARIABLES, null, null, variables, null);
                case EXECUTE_JOB -> activityId == null && firstActivityId == null ? null
                        : new Journey.Step(kind, activityId == null ? firstActivityId : activityId, null, null, null);
                case CORRELATE_MESSAGE -> message == null ? null : new Journey.Step(kind, activityId, message, variables, local);
                case SET_VARIABLES -> variables.isEmpty() ? null : new Journey.Step(kind, null, null, variables, null);
            };
        }
    }
}
