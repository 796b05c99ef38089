package org.pastoralflow.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.oncall.OncallCall;
import org.pastoralflow.oncall.OncallService;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.workflow.TaskForms;
import org.pastoralflow.workflow.TaskInbox;
import org.springframework.stereotype.Component;

/**
 * A term of on-call calls, each raised by a teacher, claimed by the PSO on duty and closed with
 * its outcome through the on-call service and the call's task, so each joins the student's
 * chronology. A school this size has several a day; one every third school day is enough to show
 * the history and keeps the first start quick.
 */
@Component
class DemoOncall {

    private static final List<String> ROOMS = List.of("Room B12", "Room C4", "Science lab 2", "Room A7", "Sports hall",
            "Drama studio", "Room B3", "ICT suite");
    private static final List<String> REASONS = List.of(
            "Refusing to follow instructions and disrupting the class.",
            "Student very upset and cannot settle; needs to leave the room.",
            "Two students arguing and about to fight.",
            "Student walked out of the lesson and is in the corridor.",
            "Student feels unwell and dizzy.",
            "Throwing equipment; the class is unsafe.");
    /** Outcome for each reason above, as the PSO on duty would most often log it. */
    private static final List<String> OUTCOMES = List.of("learning-support-centre", "returned-to-class", "learning-support-centre",
            "returned-to-class", "first-aid", "sent-home");
    private static final int[][] LESSON_TIMES = {{9, 20}, {9, 55}, {11, 25}, {12, 5}, {13, 50}, {14, 30}};

    private static final Viewer TEACHER = DemoTerm.viewer("teacher");
    private static final Viewer PSO = DemoTerm.viewer("pso");

    private final OncallService oncall;
    private final TaskInbox inbox;
    private final TaskForms forms;

    DemoOncall(OncallService oncall, TaskInbox inbox, TaskForms forms) {
        this.oncall = oncall;
        this.inbox = inbox;
        this.forms = forms;
    }

    /** Raises, claims and closes the term's calls; returns how many. */
    int seed(DemoDays days, Backdate backdate, List<Student> regulars, Random random) {
        int calls = 0;
        for (int day = 1; day < days.size(); day += 3) {
            LocalDate on = days.fromStart(day);
            int[] time = LESSON_TIMES[random.nextInt(LESSON_TIMES.length)];
            int reason = random.nextInt(REASONS.size());
            Student student = regulars.get(random.nextInt(regulars.size()));
            String name = student.getLegalForename() + " " + student.getLegalSurname();
            OncallCall call = backdate.at(days.at(on, time[0], time[1]), () -> oncall.raise(new FormData(Map.of(
                    "room", ROOMS.get(random.nextInt(ROOMS.size())), "reason", REASONS.get(reason), "student", name)), TEACHER));
            java.time.Instant raised = days.at(on, time[0], time[1]);
            backdate.run(raised.plusSeconds(120), () -> oncall.claim(call.getReference(), PSO));
            String task = oncall.taskOf(call).orElseThrow(() -> new IllegalStateException("Demo call " + call.getReference() + " has no task"));
            backdate.run(raised.plusSeconds(25 * 60), () -> forms.complete(task, new FormData(Map.of(
                    "outcome", OUTCOMES.get(reason), "notes", "Dealt with by the PSO on duty; the form tutor was told.")), PSO));
            calls++;
        }
        return calls;
    }
}
