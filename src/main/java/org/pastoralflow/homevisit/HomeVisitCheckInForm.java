package org.pastoralflow.homevisit;

import java.util.Map;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.workflow.TaskForm;
import org.pastoralflow.workflow.TaskView;
import org.springframework.stereotype.Component;

/**
 * "Check in after the visit": the visitors say they are back (or the Pastoral Lead, for them, after a
 * phone call) and how it went. Made for a phone: one choice and an optional note.
 */
@Component
class HomeVisitCheckInForm implements TaskForm {

    private final HomeVisits visits;
    private final HomeVisitRecording recording;
    private final HomeVisitRepository repository;

    HomeVisitCheckInForm(HomeVisits visits, HomeVisitRecording recording, HomeVisitRepository repository) {
        this.visits = visits;
        this.recording = recording;
        this.repository = repository;
    }

    @Override
    public String key() {
        return "home-visit/check-in";
    }

    @Override
    public String view() {
        return "homevisit/check-in";
    }

    @Override
    public Map<String, Object> model(TaskView task, Viewer viewer) {
        HomeVisit visit = visitOf(task);
        return Map.of("visit", visit, "studentName", visits.studentName(visit.getStudentId()), "outcomes", HomeVisitRecording.OUTCOMES);
    }

    @Override
    public Map<String, Object> complete(TaskView task, FormData data, Viewer viewer) {
        String outcome = data.oneOf("outcome", "How did it go", HomeVisitRecording.OUTCOMES.keySet());
        String note = data.text("note", "Anything to record", 5000, false);
        data.throwIfInvalid();
        recording.checkIn(visitOf(task), outcome, note, viewer);
        return Map.of();
    }

    /** The task's own visit: whoever may work the task (a visitor, the check-in group) sees it. */
    private HomeVisit visitOf(TaskView task) {
        return repository.findByReference(task.businessKey())
                .orElseThrow(() -> new IllegalStateException("Task " + task.id() + " has no home visit " + task.businessKey()));
    }
}
