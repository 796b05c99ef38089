package org.pastoralflow.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.student.Student;
import org.pastoralflow.suspension.Suspension;
import org.pastoralflow.suspension.SuspensionProcess;
import org.pastoralflow.suspension.Suspensions;
import org.pastoralflow.workflow.TaskForms;
import org.pastoralflow.workflow.TaskInbox;
import org.springframework.stereotype.Component;

/**
 * One suspension in progress, today: the Year 9 student who has been in fights again and again is
 * suspended for three school days from the next school day, the Head of Year has sent the notice
 * through its task form, and the local authority's notification and the reintegration meeting are
 * waiting. Invented, like the rest of the demo.
 */
@Component
class DemoSuspension {

    private final Suspensions suspensions;
    private final TaskInbox inbox;
    private final TaskForms forms;
    private final Clock clock;

    DemoSuspension(Suspensions suspensions, TaskInbox inbox, TaskForms forms, Clock clock) {
        this.suspensions = suspensions;
        this.inbox = inbox;
        this.forms = forms;
        this.clock = clock;
    }

    /** Suspends one of the students; returns its reference. */
    String seed(List<Student> students) {
        Student pupil = students.stream().filter(s -> s.getYearGroup() == 9 && !s.isInCare())
                .min(Comparator.comparing(Student::getUpn)).orElseThrow();
        Suspension s = suspensions.startFromIncident(null, null, Confidentiality.PASTORAL, pupil.getId(), 3,
                "A third fight in a fortnight on the playground at lunch, after a final warning and a report card. "
                        + "Another student was hurt (a cut lip); the behaviour policy sets out suspension for repeated violence.",
                "head");
        String task = inbox.openTaskId(s.getProcessInstanceId(), SuspensionProcess.TASK_PARENT_NOTICE).orElseThrow();
        forms.complete(task, new FormData(Map.of("startsOn", s.getStartsOn().toString(), "returnTime", "08:40",
                "missesPublicExam", "no", "method", "letter-and-call", "sentOn", LocalDate.now(clock).toString())),
                DemoTerm.viewer("hoy"));
        return s.getReference();
    }
}
