package org.pastoralflow.workflow;

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

    /** An open instance on the student page. {@code tasks} are those about this student (or about no one student). */
    public record OpenProcess(CaseProcesses.CaseProcess process, String definitionId, List<ProcessDiagrams.Step> steps,
                              List<TaskView> tasks) {

        public String currentIds() {
            return String.join(" ", steps.stream().map(ProcessDiagrams.Step::id).toList());
        }

        public String currentNames() {
            return String.join(", ", steps.stream().map(ProcessDiagrams.Step::name).toList());
        }

        public boolean overdue(TaskView t) {
            return t.overdue(new Date());
        }
    }

    private final List<CaseProcesses> sources;
    private final ProcessDiagrams diagrams;
    private final TaskInbox inbox;

    StudentProcesses(List<CaseProcesses> sources, ProcessDiagrams diagrams, TaskInbox inbox) {
        this.sources = sources;
        this.diagrams = diagrams;
        this.inbox = inbox;
    }

    public List<OpenProcess> openFor(Long studentId, Viewer viewer) {
        List<CaseProcesses.CaseProcess> candidates = new ArrayList<>();
        sources.forEach(s -> candidates.addAll(s.openFor(studentId, viewer)));
        Map<String, String> running = diagrams.running(candidates.stream().map(CaseProcesses.CaseProcess::processInstanceId).toList());
        List<OpenProcess> open = new ArrayList<>();
        for (CaseProcesses.CaseProcess p : candidates) {
            String definition = running.get(p.processInstanceId());
            if (definition != null) {
                List<TaskView> tasks = inbox.openTasksOfProcess(p.processInstanceId()).stream()
                        .filter(t -> t.studentId() == null || t.studentId().equals(studentId)).toList();
                open.add(new OpenProcess(p, definition, diagrams.currentSteps(p.processInstanceId(), definition), tasks));
            }
        }
        return open;
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
