package org.pastoralflow.transition;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.workflow.TaskForms;
import org.pastoralflow.workflow.TaskInbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register for part of a cohort at once: who is waiting for transition-day attendance or Right
 * Start, and recording it for all of them in one go. Right Start completes each student's task
 * through its own form, so this sits above the forms (no form may depend on it).
 */
@Service
public class TransitionRegister {

    private static final Comparator<Transition> BY_NAME = Comparator.comparing(Transition::getLegalSurname)
            .thenComparing(Transition::getLegalForename);

    private final TransitionRepository transitions;
    private final TransitionRecording recording;
    private final TaskInbox inbox;
    private final TaskForms forms;

    TransitionRegister(TransitionRepository transitions, TransitionRecording recording, TaskInbox inbox, TaskForms forms) {
        this.transitions = transitions;
        this.recording = recording;
        this.inbox = inbox;
        this.forms = forms;
    }

    /** Who is waiting to have their transition-day attendance recorded. */
    public List<Transition> waitingForTransitionDays(int entryYear) {
        return transitions.findByEntryYear(entryYear).stream().filter(t -> t.isActive() && t.getDaysRecordedAt() == null)
                .sorted(BY_NAME).toList();
    }

    /** Who has Right Start waiting, by the process's open task. */
    public List<Transition> waitingForRightStart(int entryYear) {
        List<Transition> active = transitions.findByEntryYear(entryYear).stream().filter(Transition::isActive).toList();
        Set<String> waiting = inbox.openTaskIds(active.stream().map(Transition::getProcessInstanceId).toList(),
                TransitionProcess.TASK_RIGHT_START).keySet();
        return active.stream().filter(t -> waiting.contains(t.getProcessInstanceId())).sorted(BY_NAME).toList();
    }

    /**
     * The transition-day register for part of the cohort: each listed student attended the days
     * ticked and missed the others. All or nothing.
     */
    @Transactional
    public int recordTransitionDays(int entryYear, Map<Long, List<String>> missedByTransition, Viewer viewer) {
        List<Transition> listed = transitions.findAllById(missedByTransition.keySet());
        for (Transition t : listed) {
            if (t.getEntryYear() != entryYear) {
                throw InvalidFormException.of("register", "A student on the register is not in the September " + entryYear + " cohort.");
            }
            recording.recordTransitionDays(t, missedByTransition.get(t.getId()), null, viewer);
        }
        return listed.size();
    }

    /** Right Start for part of the cohort, completing each student's task as its form would. All or nothing. */
    @Transactional
    public int recordRightStart(Map<Long, String> tookPart, Viewer viewer) {
        Map<String, Long> byInstance = new HashMap<>();
        transitions.findAllById(tookPart.keySet()).forEach(t -> byInstance.put(t.getProcessInstanceId(), t.getId()));
        Map<String, String> tasks = inbox.openTaskIds(byInstance.keySet(), TransitionProcess.TASK_RIGHT_START);
        if (tasks.size() != tookPart.size()) {
            throw InvalidFormException.of("register", "Some students on the register are not waiting for Right Start any more: "
                    + "open the register again.");
        }
        tasks.forEach((instance, taskId) -> forms.complete(taskId,
                new FormData(Map.of("tookPart", tookPart.get(byInstance.get(instance)))), viewer));
        return tasks.size();
    }
}
