package org.pastoralflow.suspension;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.forms.FormField;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.workflow.FieldTaskForm;
import org.pastoralflow.workflow.FormSet;
import org.pastoralflow.workflow.TaskForm;
import org.pastoralflow.workflow.TaskView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The forms of suspension.bpmn's user tasks, by form key: one page shows them all, with the
 * suspension, its pupil and what has been recorded above the form.
 */
@Configuration
class SuspensionForms {

    private final Suspensions suspensions;
    private final SuspensionRecording recording;
    private final FormSet<Suspension> forms;

    SuspensionForms(Suspensions suspensions, SuspensionRecording recording) {
        this.suspensions = suspensions;
        this.recording = recording;
        this.forms = FormSet.<Suspension>of("suspension/task", task -> suspensions.byReference(task.businessKey()), this::page)
                .withDefaults((s, fields) -> {
                    Map<String, String> defaults = new HashMap<>(FormSet.<Suspension>todayIn(suspensions::today).of(s, fields));
                    defaults.put("startsOn", s.getStartsOn().toString());
                    defaults.put("returnTime", suspensions.settings().returnTime());
                    return defaults;
                })
                .withRule(s -> {
                    // what is recorded has happened; the first day of the suspension may be ahead
                    for (String day : List.of("sentOn", "toldOn", "meetingOn")) {
                        if (s.get(day) != null && s.day(day).isAfter(suspensions.today())) {
                            s.reject(day, "The date cannot be in the future.");
                        }
                    }
                });
    }

    private Map<String, Object> page(Suspension s, TaskView task, Viewer viewer) {
        Map<String, Object> model = new HashMap<>();
        model.put("suspension", s);
        model.put("student", suspensions.studentOf(s));
        model.put("history", suspensions.history(s, viewer, "task " + task.form()));
        return model;
    }

    @Bean
    TaskForm suspensionParentNoticeForm() {
        return forms.form("suspension/parent-notice", "Send the suspension notice to the parents", List.of(
                FormField.date("startsOn", "First day of the suspension")
                        .withHint("The return day follows from it and the number of school days the Headteacher decided."),
                FormField.time("returnTime", "Time the pupil returns on the return day"),
                FormField.choice("missesPublicExam", "Does the suspension mean missing a public examination or national curriculum test?",
                        FormField.options("yes", "Yes", "no", "No"))
                        .withHint("If yes, the governing board is told and must try to meet before the examination."),
                FormField.longText("education", "Education arranged from the sixth school day").optional()
                        .withHint("Needed for a suspension of more than five school days: where, from when, who arranges it."),
                FormField.choice("method", "How the notice was sent", SuspensionRecording.NOTICE_METHODS),
                FormField.date("sentOn", "Date sent")))
                .withIntro((s, task) -> "Print the letter (the link above the form), send it without delay and record it here. "
                        + "It gives the reasons, the length, the return day and time, and the parents' right to make "
                        + "representations to the governing board.")
                .withRule(s -> {
                    LocalDate starts = s.day("startsOn");
                    Suspension record = s.record();
                    if (starts != null && !suspensions.isSchoolDay(starts)) {
                        s.reject("startsOn", "First day of the suspension must be a school day.");
                    } else if (starts != null && starts.isBefore(record.getApprovedAt().atZone(suspensions.zone()).toLocalDate())) {
                        s.reject("startsOn", "First day of the suspension cannot be before the Headteacher decided it.");
                    }
                    s.requireWhen(record.needsEducationFromSixthDay(), "education",
                            "Say what education is arranged from the sixth school day: this suspension is longer than five.");
                })
                .completes(s -> {
                    recording.recordNotice(s.record(), s.day("startsOn"), s.get("returnTime"), s.is("missesPublicExam", "yes"),
                            s.get("education"), s.get("method"), s.day("sentOn"), s.viewer());
                    return Map.of();
                });
    }

    private FieldTaskForm<Suspension> told(String key, String title, SuspensionRecording.Told whom, String howHint) {
        return forms.form(key, title, List.of(
                FormField.date("toldOn", "Date told"),
                FormField.text("how", "How, and to whom").withHint(howHint),
                FormField.longText("notes", "Notes").optional()))
                .completes(s -> {
                    recording.recordTold(s.record(), whom, s.day("toldOn"), s.get("how"), s.get("notes"), s.viewer());
                    return Map.of();
                });
    }

    @Bean
    TaskForm suspensionLocalAuthorityForm() {
        return told("suspension/local-authority", "Tell the local authority", SuspensionRecording.Told.LOCAL_AUTHORITY,
                "E.g. the local authority's suspension form, sent to its inclusion team; its reference if it gives one.");
    }

    @Bean
    TaskForm suspensionGoverningBoardForm() {
        return told("suspension/governing-board", "Tell the governing board", SuspensionRecording.Told.GOVERNING_BOARD,
                "E.g. by e-mail to the clerk to the governors.");
    }

    @Bean
    TaskForm suspensionVirtualSchoolHeadForm() {
        return told("suspension/virtual-school-head", "Tell the virtual school head", SuspensionRecording.Told.VIRTUAL_SCHOOL_HEAD,
                "The virtual school head of the local authority that looks after the pupil; the social worker too.");
    }

    @Bean
    TaskForm suspensionReinstatementForm() {
        return forms.form("suspension/reinstatement", "Governors consider reinstatement", List.of(
                FormField.date("meetingOn", "Date the governors met"),
                FormField.choice("decision", "The governors' decision", FormField.options(
                        Suspension.REINSTATED, "Reinstate the pupil", Suspension.NOT_REINSTATED, "Uphold the suspension")),
                FormField.longText("reasons", "Their reasons, and who attended")))
                .withIntro((s, task) -> "The pupil's suspensions pass 15 school days this term: the governing board must "
                        + "consider reinstatement within 15 school days of the notice. Record the meeting for the clerk.")
                .completes(s -> {
                    recording.recordReinstatement(s.record(), s.get("decision"), s.day("meetingOn"), s.get("reasons"), s.viewer());
                    return Map.of();
                });
    }

    @Bean
    TaskForm suspensionReintegrationForm() {
        return forms.form("suspension/reintegration", "Reintegration meeting", List.of(
                FormField.date("meetingOn", "Date of the meeting"),
                FormField.text("attendees", "Who came").withHint("The pupil, a parent or carer, and the PSO or Head of Year."),
                FormField.longText("plan", "The plan for the return")
                        .withHint("What changes, what support, targets, how and when it is reviewed."),
                FormField.text("supporter", "Who supports the plan").withHint("The member of staff the pupil goes to.")))
                .withIntro((s, task) -> "Before the pupil returns, meet with them and their parents to plan the return.")
                .completes(s -> {
                    recording.recordReintegration(s.record(), s.day("meetingOn"), s.get("attendees"), s.get("plan"),
                            s.get("supporter"), s.viewer());
                    return Map.of();
                });
    }
}
