package org.pastoralflow.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task inbox: every engine call about user tasks goes through here. It checks on the
 * server that the viewer may see, claim or complete a task, whatever page or API asked.
 */
@Service
public class TaskInbox {

    public enum Scope { MINE, GROUPS, ALL }

    /** Process variables every workflow sets so the inbox can say who a task is about. */
    public static final String STUDENT_ID = "studentId";
    public static final String REFERENCE = "reference";
    /**
     * A task of a multi-instance activity over students (a statement from each student, say) names
     * its own student in this local variable, the activity's element variable.
     */
    public static final String TASK_STUDENT_ID = "taskStudentId";

    private static final int PAGE = 200;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final StudentRepository students;
    // Forms call feature services that call back into the inbox, so they are looked up when first needed.
    private final ObjectProvider<TaskForm> formBeans;
    private final ObjectProvider<TaskSubjects> subjectBeans;
    private volatile Map<String, TaskForm> forms;

    public TaskInbox(TaskService tasks, RuntimeService runtime, StudentRepository students,
                     ObjectProvider<TaskForm> formBeans, ObjectProvider<TaskSubjects> subjectBeans) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.students = students;
        this.formBeans = formBeans;
        this.subjectBeans = subjectBeans;
    }

    @Transactional(readOnly = true)
    public List<TaskView> forViewer(Viewer viewer, Scope scope) {
        if (viewer.groups().isEmpty() && scope != Scope.MINE) {
            return List.of();
        }
        TaskQuery query = tasks.createTaskQuery().active();
        switch (scope) {
            case MINE -> query.taskAssignee(viewer.userId());
            case GROUPS -> query.or().taskCandidateUser(viewer.userId()).taskCandidateGroupIn(viewer.groupList()).endOr();
            case ALL -> query.or().taskAssignee(viewer.userId()).taskCandidateUser(viewer.userId())
                    .taskCandidateGroupIn(viewer.groupList()).endOr();
        }
        List<Task> page = query.initializeFormKeys()
                .orderByTaskPriority().desc().orderByDueDate().asc().orderByTaskCreateTime().asc()
                .listPage(0, PAGE);
        return describe(page);
    }

    @Transactional(readOnly = true)
    public List<TaskView> openTasksOfProcess(String processInstanceId) {
        return describe(tasks.createTaskQuery().processInstanceId(processInstanceId).initializeFormKeys().list());
    }

    /** The task if the viewer may work on it: assigned to them, offered to them, or offered to one of their groups. */
    @Transactional(readOnly = true)
    public TaskView get(String taskId, Viewer viewer) {
        Task task = visibleTask(taskId, viewer);
        return describe(List.of(task)).get(0);
    }

    @Transactional
    public void claim(String taskId, Viewer viewer) {
        Task task = visibleTask(taskId, viewer);
        if (task.getAssignee() != null) {
            if (task.getAssignee().equals(viewer.userId())) {
                return;
            }
            throw taken(task);
        }
        try {
            tasks.claim(taskId, viewer.userId());
        } catch (TaskAlreadyClaimedException | OptimisticLockingException | NullValueException e) {
            throw new TaskUnavailableException(TaskUnavailableException.Reason.TAKEN,
                    "Someone else has just taken \"" + task.getName() + "\".");
        }
    }

    @Transactional
    public void unclaim(String taskId, Viewer viewer) {
        Task task = visibleTask(taskId, viewer);
        if (!viewer.userId().equals(task.getAssignee())) {
            throw taken(task);
        }
        tasks.setAssignee(taskId, null);
    }

    /**
     * Validates the form, writes the case store and completes the task in one transaction:
     * if anything fails nothing is written and the task stays open.
     */
    @Transactional
    public TaskView complete(String taskId, FormData data, Viewer viewer) {
        TaskView view = get(taskId, viewer);
        if (view.assignee() != null && !view.assignee().equals(viewer.userId())) {
            throw taken(view.name(), view.assignee());
        }
        TaskForm form = formFor(view);
        Map<String, Object> variables = form.complete(view, data, viewer);
        try {
            if (view.assignee() == null) {
                tasks.claim(taskId, viewer.userId());
            }
            tasks.complete(taskId, variables);
        } catch (TaskAlreadyClaimedException | OptimisticLockingException | NullValueException e) {
            throw new TaskUnavailableException(TaskUnavailableException.Reason.TAKEN,
                    "Someone else has just completed or taken \"" + view.name() + "\". Nothing you entered was saved.");
        }
        return view;
    }

    public TaskForm formFor(TaskView view) {
        if (forms == null) {
            forms = formBeans.stream().collect(Collectors.toMap(TaskForm::key, Function.identity()));
        }
        TaskForm form = view.form() == null ? null : forms.get(view.form());
        if (form == null) {
            throw new IllegalStateException("No form for task " + view.taskKey() + " (form key " + view.formKey() + ")");
        }
        return form;
    }

    /** The open task of a process instance with this key, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> openTaskId(String processInstanceId, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list().stream()
                .map(Task::getId).findFirst();
    }

    /** Offers an open task to one more group, e.g. the Headteacher when a DSL review is untouched. */
    @Transactional
    public boolean offerToGroup(String processInstanceId, String taskKey, String groupId) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list();
        open.forEach(t -> tasks.addCandidateGroup(t.getId(), groupId));
        return !open.isEmpty();
    }

    /** The open task with this key in each of these process instances: process instance id to task id, in one query. */
    @Transactional(readOnly = true)
    public Map<String, String> openTaskIds(java.util.Collection<String> processInstanceIds, String taskKey) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> ids = new HashMap<>();
        tasks.createTaskQuery().processInstanceIdIn(processInstanceIds.toArray(String[]::new)).taskDefinitionKey(taskKey)
                .list().forEach(t -> ids.put(t.getProcessInstanceId(), t.getId()));
        return ids;
    }

    /** Moves the due date of open tasks, e.g. when a school changes the dates of its transition days. */
    @Transactional
    public int reschedule(java.util.Collection<String> processInstanceIds, java.util.Collection<String> taskKeys,
                          java.util.Date due) {
        if (processInstanceIds.isEmpty() || taskKeys.isEmpty()) {
            return 0;
        }
        List<Task> open = tasks.createTaskQuery().processInstanceIdIn(processInstanceIds.toArray(String[]::new))
                .taskDefinitionKeyIn(taskKeys.toArray(String[]::new)).list();
        for (Task t : open) {
            t.setDueDate(due);
            tasks.saveTask(t);
        }
        return open.size();
    }

    /** Whether the task is still waiting for someone to pick it up. */
    @Transactional(readOnly = true)
    public boolean isUnclaimed(String processInstanceId, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                .taskUnassigned().count() > 0;
    }

    private Task visibleTask(String taskId, Viewer viewer) {
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null || !maySee(task, viewer)) {
            // The same answer for "gone" and "not yours": ids cannot be probed.
            throw new TaskUnavailableException(TaskUnavailableException.Reason.NOT_FOUND,
                    "This task does not exist, has been completed, or is not for you.");
        }
        return task;
    }

    private boolean maySee(Task task, Viewer viewer) {
        if (viewer.userId().equals(task.getAssignee())) {
            return true;
        }
        Set<String> groups = viewer.groups();
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (link.getGroupId() != null && groups.contains(link.getGroupId())
                    || viewer.userId().equals(link.getUserId()))) {
                return true;
            }
        }
        return false;
    }

    private TaskUnavailableException taken(Task task) {
        return taken(task.getName(), task.getAssignee());
    }

    private TaskUnavailableException taken(String name, String assignee) {
        return new TaskUnavailableException(TaskUnavailableException.Reason.TAKEN,
                "\"" + name + "\" is being handled by " + assignee + ".");
    }

    private List<TaskView> describe(List<Task> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = page.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, Map<String, Object>> vars = new HashMap<>();
        for (VariableInstance v : runtime.createVariableInstanceQuery()
                .processInstanceIdIn(instanceIds.toArray(String[]::new))
                .variableNameIn(STUDENT_ID, REFERENCE).disableCustomObjectDeserialization().list()) {
            // process-level variables only: local variables of a multi-instance task are not the subject
            if (v.getExecutionId().equals(v.getProcessInstanceId())) {
                vars.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
            }
        }
        Map<String, Long> taskStudents = new HashMap<>();
        for (VariableInstance v : runtime.createVariableInstanceQuery()
                .executionIdIn(page.stream().map(Task::getExecutionId).distinct().toArray(String[]::new))
                .variableName(TASK_STUDENT_ID).list()) {
            if (v.getValue() instanceof Long id) {
                taskStudents.put(v.getExecutionId(), id);
            }
        }
        Set<Long> studentIds = vars.values().stream().map(m -> m.get(STUDENT_ID))
                .filter(Long.class::isInstance).map(Long.class::cast).collect(Collectors.toCollection(java.util.HashSet::new));
        studentIds.addAll(taskStudents.values());
        Map<Long, Student> byId = students.findAllById(studentIds).stream()
                .collect(Collectors.toMap(Student::getId, Function.identity()));
        Map<String, TaskSubjects.Subject> subjects = subjectsWithoutStudent(page, vars, taskStudents);
        return page.stream().map(t -> {
            Map<String, Object> v = vars.getOrDefault(t.getProcessInstanceId(), Map.of());
            Long studentId = taskStudents.containsKey(t.getExecutionId()) ? taskStudents.get(t.getExecutionId())
                    : v.get(STUDENT_ID) instanceof Long l ? l : null;
            Student s = studentId == null ? null : byId.get(studentId);
            TaskSubjects.Subject subject = s == null ? subjects.get(t.getProcessInstanceId()) : null;
            return new TaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getFormKey(),
                    t.getProcessInstanceId(), t.getProcessDefinitionId().split(":")[0],
                    (String) v.get(REFERENCE), t.getCreateTime(), t.getDueDate(), t.getPriority(), t.getAssignee(),
                    studentId, s != null ? s.displayName() : subject == null ? null : subject.name(),
                    s != null ? s.yearAndGroup() : subject == null ? null : subject.detail());
        }).toList();
    }

    /**
     * Who a task is about when its process has no student with a case file yet (a child joining in
     * September, say): the feature that owns the process names them, by process instance id.
     */
    private Map<String, TaskSubjects.Subject> subjectsWithoutStudent(List<Task> page, Map<String, Map<String, Object>> vars,
                                                                   Map<String, Long> taskStudents) {
        Map<String, Map<String, String>> keysByProcess = new HashMap<>();
        for (Task t : page) {
            Map<String, Object> v = vars.getOrDefault(t.getProcessInstanceId(), Map.of());
            if (!(v.get(STUDENT_ID) instanceof Long) && !taskStudents.containsKey(t.getExecutionId()) && v.get(REFERENCE) instanceof String ref) {
                keysByProcess.computeIfAbsent(t.getProcessDefinitionId().split(":")[0], k -> new HashMap<>())
                        .put(t.getProcessInstanceId(), ref);
            }
        }
        if (keysByProcess.isEmpty()) {
            return Map.of();
        }
        Map<String, TaskSubjects.Subject> found = new HashMap<>();
        subjectBeans.forEach(bean -> {
            Map<String, String> refs = keysByProcess.get(bean.processKey());
            if (refs != null) {
                Map<String, TaskSubjects.Subject> byRef = bean.describe(java.util.Set.copyOf(refs.values()));
                refs.forEach((instance, ref) -> {
                    if (byRef.containsKey(ref)) {
                        found.put(instance, byRef.get(ref));
                    }
                });
            }
        });
        return found;
    }
}
