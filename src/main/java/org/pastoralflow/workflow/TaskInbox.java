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
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Classification;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.security.YearGroupScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task inbox: every engine call about user tasks goes through here. It checks on the
 * server that the viewer may see, claim or complete a task, whatever page or API asked.
 * Completing a task through its form is {@link TaskForms}'s: the forms write through feature
 * services, and those services ask the inbox about their open tasks, so the inbox knows no form.
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
    private final InboxQuery inboxQuery;
    private final YearGroupScope yearGroups;
    private final List<TaskSubjects> subjectBeans;

    public TaskInbox(TaskService tasks, RuntimeService runtime, StudentRepository students, InboxQuery inboxQuery,
                     YearGroupScope yearGroups, List<TaskSubjects> subjectBeans) {
        this.yearGroups = yearGroups;
        this.tasks = tasks;
        this.runtime = runtime;
        this.students = students;
        this.inboxQuery = inboxQuery;
        this.subjectBeans = subjectBeans;
    }

    @Transactional(readOnly = true)
    public List<TaskView> forViewer(Viewer viewer, Scope scope) {
        if (viewer.groups().isEmpty() && scope != Scope.MINE) {
            return List.of();
        }
        List<String> ids = inboxQuery.firstPage(viewer, scope, PAGE, yearGroups.of(viewer).years());
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Task> byId = tasks.createTaskQuery().taskIdIn(ids.toArray(String[]::new)).initializeFormKeys().list()
                .stream().collect(Collectors.toMap(Task::getId, Function.identity()));
        // in the inbox's order; a task completed between the two reads is left out
        List<Task> page = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        return describe(page, true);
    }

    /**
     * The open tasks of a workflow instance with the groups each is offered to, so that a page
     * about the record can ask the access policy which of them the viewer may know of.
     */
    @Transactional(readOnly = true)
    public List<TaskView> openTasksOfProcess(String processInstanceId) {
        List<TaskView> open = describe(tasks.createTaskQuery().processInstanceId(processInstanceId).initializeFormKeys().list(), true);
        return open.stream().map(t -> t.withCandidateGroups(tasks.getIdentityLinksForTask(t.id()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).collect(Collectors.toSet()))).toList();
    }

    /**
     * The open tasks of a record's process that the viewer may know of, by the access policy's rule for
     * tasks; {@code recordOf} says which record a task is about (most tasks, the process's own record).
     */
    @Transactional(readOnly = true)
    public List<TaskView> openTasksVisibleTo(String processInstanceId, AccessPolicy.Access access,
                                             java.util.function.Function<TaskView, Classification> recordOf) {
        if (processInstanceId == null) {
            return List.of();
        }
        return openTasksOfProcess(processInstanceId).stream()
                .filter(t -> access.mayReadTask(recordOf.apply(t), t.candidateGroups(), t.assignee())).toList();
    }

    /** The task if the viewer may work on it: assigned to them, offered to them, or offered to one of their groups. */
    @Transactional(readOnly = true)
    public TaskView get(String taskId, Viewer viewer) {
        Task task = visibleTask(taskId, viewer);
        return describe(List.of(task), true).get(0);
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
     * The task the viewer is about to complete through its form, with its record and student ids
     * (not the student's name, which the form does not need); refused if someone else holds it.
     */
    TaskView toComplete(String taskId, Viewer viewer) {
        TaskView view = describe(List.of(visibleTask(taskId, viewer)), false).get(0);
        if (view.assignee() != null && !view.assignee().equals(viewer.userId())) {
            throw taken(view.name(), view.assignee());
        }
        return view;
    }

    /** Completes the task with what its form returned, claiming it for the viewer first if nobody held it. */
    void finish(TaskView view, Map<String, Object> variables, Viewer viewer) {
        try {
            if (view.assignee() == null) {
                tasks.claim(view.id(), viewer.userId());
            }
            tasks.complete(view.id(), variables);
        } catch (TaskAlreadyClaimedException | OptimisticLockingException | NullValueException e) {
            throw new TaskUnavailableException(TaskUnavailableException.Reason.TAKEN,
                    "Someone else has just completed or taken \"" + view.name() + "\". Nothing you entered was saved.");
        }
    }

    /** The open task of a process instance with this key, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> openTaskId(String processInstanceId, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list().stream()
                .map(Task::getId).findFirst();
    }

    /** Offers an open task to one more group, e.g. SLT when an on-call call is not claimed in time. */
    @Transactional
    public boolean offerToGroup(String processInstanceId, String taskKey, String groupId) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list();
        open.forEach(t -> tasks.addCandidateGroup(t.getId(), groupId));
        return !open.isEmpty();
    }

    /** Moves the open task with this key up its group's inbox, e.g. a DSL review nobody picked up by its deadline. */
    @Transactional
    public boolean raisePriority(String processInstanceId, String taskKey, int priority) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list();
        open.stream().filter(t -> t.getPriority() < priority).forEach(t -> tasks.setPriority(t.getId(), priority));
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
        // One query answers the usual case: the task is the viewer's, or waits unclaimed for one of
        // their groups. Only when it finds nothing (gone, not theirs, offered to them by name, or
        // claimed by someone else while offered to them) are the task and its candidate links read
        // separately. (A candidate-user condition would make the engine look the viewer's groups
        // up again on every call.)
        TaskQuery mine = tasks.createTaskQuery().taskId(taskId).initializeFormKeys();
        Task found = viewer.groups().isEmpty() ? mine.taskAssignee(viewer.userId()).singleResult()
                : mine.or().taskAssignee(viewer.userId()).taskCandidateGroupIn(viewer.groupList()).endOr().singleResult();
        Task task = found != null ? found : tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null || found == null && !maySee(task, viewer) || !inYearGroups(task, viewer)) {
            // The same answer for "gone" and "not yours": ids cannot be probed.
            throw new TaskUnavailableException(TaskUnavailableException.Reason.NOT_FOUND,
                    "This task does not exist, has been completed, or is not for you.");
        }
        return task;
    }

    /**
     * The inbox's year-group rule ({@link InboxQuery}) for one task: a task offered to a group of a
     * PSO or Head of Year who works with some years only is theirs when its student is in those years.
     */
    private boolean inYearGroups(Task task, Viewer viewer) {
        YearGroupScope.Scope scope = yearGroups.of(viewer);
        if (scope.wholeSchool() || viewer.userId().equals(task.getAssignee()) || offeredByName(task, viewer)) {
            return true;
        }
        Object own = runtime.getVariable(task.getExecutionId(), TASK_STUDENT_ID);
        Object subject = own != null ? own : runtime.getVariable(task.getProcessInstanceId(), STUDENT_ID);
        if (!(subject instanceof Number id)) {
            return true;
        }
        return students.findById(id.longValue()).map(s -> scope.allows(s.getYearGroup())).orElse(true);
    }

    private boolean offeredByName(Task task, Viewer viewer) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && viewer.userId().equals(l.getUserId()));
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

    /**
     * The page's tasks with who and what they are about, in one variable query for the whole page
     * (the subject of each instance, and the own student of a multi-instance task), and, when the
     * page shows them, one query for the students' names.
     */
    private List<TaskView> describe(List<Task> page, boolean withStudentNames) {
        if (page.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = page.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Set<String> taskExecutions = page.stream().map(Task::getExecutionId).collect(Collectors.toSet());
        Map<String, Map<String, Object>> vars = new HashMap<>();
        Map<String, Long> taskStudents = new HashMap<>();
        for (VariableInstance v : runtime.createVariableInstanceQuery()
                .processInstanceIdIn(instanceIds.toArray(String[]::new))
                .variableNameIn(STUDENT_ID, REFERENCE, TASK_STUDENT_ID).disableCustomObjectDeserialization().list()) {
            if (TASK_STUDENT_ID.equals(v.getName())) {
                if (taskExecutions.contains(v.getExecutionId()) && v.getValue() instanceof Long id) {
                    taskStudents.put(v.getExecutionId(), id);
                }
            } else if (v.getExecutionId().equals(v.getProcessInstanceId())) {
                // process-level variables only: local variables of a multi-instance task are not the subject
                vars.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
            }
        }
        Set<Long> studentIds = vars.values().stream().map(m -> m.get(STUDENT_ID))
                .filter(Long.class::isInstance).map(Long.class::cast).collect(Collectors.toCollection(java.util.HashSet::new));
        studentIds.addAll(taskStudents.values());
        Map<Long, Student> byId = withStudentNames && !studentIds.isEmpty()
                ? students.findAllById(studentIds).stream().collect(Collectors.toMap(Student::getId, Function.identity()))
                : Map.of();
        // names for whom a task is about, when there is no student yet: only where they are shown
        Map<String, TaskSubjects.Subject> subjects = withStudentNames ? subjectsWithoutStudent(page, vars, taskStudents) : Map.of();
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
                    s != null ? s.yearAndGroup() : subject == null ? null : subject.detail(), Set.of());
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
