package org.pastoralflow.mediation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.workflow.FormSet;
import org.pastoralflow.workflow.TaskForm;
import org.pastoralflow.workflow.TaskView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The forms of mediation.bpmn's user tasks, by form key: one page shows them all, with the
 * mediation, its parties and what has been recorded above the form.
 */
@Configuration
class MediationForms {

    private final MediationService mediations;
    private final FormSet<Mediation> forms;

    MediationForms(MediationService mediations) {
        this.mediations = mediations;
        this.forms = FormSet.<Mediation>of("mediation/task", task -> mediations.byReference(task.businessKey()), this::page)
                .withDefaults(FormSet.todayIn(this::today))
                .withRule(s -> {
                    for (String day : List.of("on", "askedOn", "meetingOn")) {
                        if (s.get(day) != null && s.day(day).isAfter(today())) {
                            s.reject(day, "The date cannot be in the future.");
                        }
                    }
                });
    }

    private LocalDate today() {
        return mediations.today();
    }

    private Map<String, Object> page(Mediation m, TaskView task, Viewer viewer) {
        Map<String, Object> model = new HashMap<>();
        model.put("mediation", m);
        model.put("parties", mediations.partiesOf(m));
        model.put("names", mediations.studentsOf(m));
        model.put("intro", withWhom(m, task));
        model.put("history", mediations.history(m, viewer, "task " + task.form()));
        return model;
    }

    /** A task for one party (consent, pre-meeting, check-in) says whose it is. */
    private String withWhom(Mediation m, TaskView task) {
        if (task.studentId() == null) {
            return null;
        }
        Student s = mediations.studentsOf(m).get(task.studentId());
        return s == null ? null : "With " + s.displayName() + ".";
    }

    @Bean
    TaskForm suitabilityForm() {
        return forms.form("mediation/suitability", "Check suitability", List.of(
                FormField.choice("powerImbalance", "Is there a power imbalance between the parties?", FormField.YES_NO)
                        .withHint("E.g. bullying over time, a big difference in age or size, a group against one."),
                FormField.choice("safeguardingConcern", "Is there a safeguarding concern?", FormField.YES_NO)
                        .withHint("If yes, tell the DSL as well: raise a concern."),
                FormField.choice("suitable", "Is mediation suitable?", FormField.YES_NO),
                FormField.longText("notes", "Why")))
                .withRule(s -> {
                    if (s.is("suitable", "yes") && (s.is("powerImbalance", "yes") || s.is("safeguardingConcern", "yes"))) {
                        s.reject("suitable", "Mediation is not suitable where there is a power imbalance or a safeguarding concern.");
                    }
                })
                .completes(s -> {
                    boolean suitable = s.is("suitable", "yes");
                    mediations.recordSuitability(s.record(), s.is("powerImbalance", "yes"), s.is("safeguardingConcern", "yes"),
                            suitable, s.get("notes"), s.viewer());
                    return Map.of(MediationProcess.SUITABLE, suitable);
                });
    }

    @Bean
    TaskForm consentForm() {
        return forms.form("mediation/consent", "Ask for consent", List.of(
                FormField.choice("consent", "Does the student agree to take part?", FormField.options(
                        "given", "Yes, they agree", "refused", "No, they do not")),
                FormField.date("askedOn", "Date asked"),
                FormField.longText("notes", "What they said").optional())).completes(s -> {
                    boolean given = s.is("consent", "given");
                    mediations.recordConsent(s.record(), s.task().studentId(), given, s.day("askedOn"), s.get("notes"), s.viewer());
                    // only a refusal is written: a consent must never overwrite another party's refusal
                    return given ? Map.of() : Map.of(MediationProcess.CONSENT_REFUSED, true);
                });
    }

    @Bean
    TaskForm declinedForm() {
        return forms.form("mediation/declined", "Consent refused: note the alternative support", List.of(
                FormField.longText("alternative", "The support offered instead")
                        .withHint("E.g. separate check-ins with each student, a change of seating or route, a referral."))).completes(s -> {
                    mediations.recordDeclined(s.record(), s.get("alternative"), s.viewer());
                    return Map.of();
                });
    }

    @Bean
    TaskForm preMeetingForm() {
        return forms.form("mediation/pre-meeting", "Pre-meeting", List.of(
                FormField.date("on", "Date of the pre-meeting"),
                FormField.longText("account", "Their account of what happened"),
                FormField.longText("feelings", "How they feel now, and what they want from the meeting"))).completes(s -> {
                    mediations.recordPartyNote(s.record(), s.task().studentId(), EntryKind.SESSION, s.day("on"),
                            "Mediation pre-meeting", "Their account: " + s.get("account") + "\n\nHow they feel, what they want: "
                                    + s.get("feelings"), s.viewer());
                    return Map.of();
                });
    }

    @Bean
    TaskForm meetingForm() {
        return forms.form("mediation/meeting", "Restorative meeting", List.of(
                FormField.date("meetingOn", "Date of the meeting"),
                FormField.text("attendees", "Who attended"),
                FormField.longText("whatHappened", "What happened"),
                FormField.longText("whoAffected", "Who was affected, and how"),
                FormField.longText("repair", "What needs to happen to repair the harm"),
                FormField.longText("actions", "Agreed actions").withHint("Who does what, by when."))).completes(s -> {
                    mediations.recordMeeting(s.record(), s.day("meetingOn"), s.get("attendees"), s.get("whatHappened"),
                            s.get("whoAffected"), s.get("repair"), s.get("actions"), s.viewer());
                    return Map.of();
                });
    }

    @Bean
    TaskForm checkInForm() {
        return forms.form("mediation/check-in", "Follow-up check-in", List.of(
                FormField.date("on", "Date of the check-in"),
                FormField.choice("actionsKept", "Are the agreed actions being kept?", FormField.options(
                        "yes", "Yes", "partly", "Partly", "no", "No")),
                FormField.longText("notes", "How things are now"))).completes(s -> {
                    mediations.recordPartyNote(s.record(), s.task().studentId(), EntryKind.REVIEW, s.day("on"),
                            "Mediation follow-up check-in: agreed actions kept: " + s.get("actionsKept"), s.get("notes"), s.viewer());
                    return Map.of();
                });
    }

    @Bean
    TaskForm mediationReviewForm() {
        return forms.form("mediation/review", "Resolved, mediate again or escalate?", List.of(
                FormField.choice(MediationProcess.DECISION, "Decision", MediationService.REVIEW_OPTIONS),
                FormField.longText("rationale", "Why"))).completes(s -> {
                    mediations.recordReview(s.record(), s.get(MediationProcess.DECISION), s.get("rationale"), s.viewer());
                    return Map.of(MediationProcess.DECISION, s.get(MediationProcess.DECISION));
                });
    }

    @Bean
    TaskForm headOfYearReviewForm() {
        return forms.form("mediation/hoy-review", "Head of Year review", List.of(
                FormField.longText("action", "What happens instead")
                        .withHint("E.g. a sanction under the behaviour policy, a support plan, a referral, a meeting with parents.")))
                .completes(s -> {
                    mediations.recordHeadOfYearReview(s.record(), s.get("action"), s.viewer());
                    return Map.of();
                });
    }
}
