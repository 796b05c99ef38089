package org.pastoralflow.workflow;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Classification;
import org.pastoralflow.security.Confidentiality;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Service;

/**
 * The open workflow instances about a student that the viewer may see, gathered from every
 * feature's {@link CaseProcesses}, each with its current step and open tasks.
 */
@Service
public class StudentProcesses {

    /**
     * An open instance on the student page. {@code tasks} are those about this student (or about no one
     * student); {@code now} is when the page was read, so every task on it is overdue by the same clock.
     */
    public record OpenProcess(CaseProcesses.CaseProcess process, String definitionId, List<ProcessDiagrams.Step> steps,
                              List<TaskView> tasks, Date now) {

        public String currentIds() {
            return String.join(" ", steps.stream().map(ProcessDiagrams.Step::id).toList());
        }

        public String currentNames() {
            return String.join(", ", steps.stream().map(ProcessDiagrams.Step::name).toList());
        }

        public boolean overdue(TaskView t) {
            return t.overdue(now);
        }
    }

    private final List<CaseProcesses> sources;
    private final ProcessDiagrams diagrams;
    private final TaskInbox inbox;
    private final AccessPolicy policy;
    private final Clock clock;

    StudentProcesses(List<CaseProcesses> sources, ProcessDiagrams diagrams, TaskInbox inbox, AccessPolicy policy,
                     Clock clock) {
        this.clock = clock;
        this.sources = sources;
        this.diagrams = diagrams;
        this.inbox = inbox;
        this.policy = policy;
    }

    public List<OpenProcess> openFor(Long studentId, Viewer viewer) {
        List<CaseProcesses.CaseProcess> candidates = new ArrayList<>();
        sources.forEach(s -> candidates.addAll(s.openFor(studentId, viewer)));
        Map<String, String> running = diagrams.running(candidates.stream().map(CaseProcesses.CaseProcess::processInstanceId).toList());
        AccessPolicy.Access access = policy.of(viewer);
        List<OpenProcess> open = new ArrayList<>();
        Date now = Date.from(clock.instant());
        for (CaseProcesses.CaseProcess p : candidates) {
            String definition = running.get(p.processInstanceId());
            if (definition != null) {
                List<TaskView> all = inbox.openTasksOfProcess(p.processInstanceId());
                // a task the viewer may not know of is left out, and so is its step on the diagram
                Set<String> hiddenSteps = all.stream().filter(t -> !access.mayReadTask(p.record(), t.candidateGroups(), t.assignee()))
                        .map(TaskView::taskKey).collect(Collectors.toSet());
                List<TaskView> tasks = all.stream().filter(t -> !hiddenSteps.contains(t.taskKey()))
                        .filter(t -> t.studentId() == null || t.studentId().equals(studentId)).toList();
                List<ProcessDiagrams.Step> steps = diagrams.currentSteps(p.processInstanceId(), definition).stream()
                        .filter(s -> !hiddenSteps.contains(s.id()) && mayKnowStep(access, p.record(), s)).toList();
                open.add(new OpenProcess(p, definition, steps, tasks, now));
            }
        }
        return open;
    }

    private static boolean mayKnowStep(AccessPolicy.Access access, Classification record, ProcessDiagrams.Step step) {
        if (step.confidentiality() == null) {
            return true;
        }
        Confidentiality level = step.confidentiality().compareTo(record.confidentiality()) > 0
                ? step.confidentiality() : record.confidentiality();
        return access.mayRead(record.at(level));
    }

    /** The model of an open instance about the student, if the viewer may see that instance; otherwise empty. */
    public Optional<byte[]> modelOf(Long studentId, String processInstanceId, Viewer viewer) {
        for (CaseProcesses s : sources) {
            for (CaseProcesses.CaseProcess p : s.openFor(studentId, viewer)) {
                if (p.processInstanceId() != null && p.processInstanceId().equals(processInstanceId)) {
                    String definition = diagrams.running(List.of(processInstanceId)).get(processInstanceId);
                    return Optional.ofNullable(definition).map(diagrams::modelXml);
                }
            }
        }
        return Optional.empty();
    }
}
