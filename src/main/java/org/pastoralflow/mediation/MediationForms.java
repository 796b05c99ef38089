package org.pastoralflow.mediation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.workflow.TaskForm;
import org.pastoralflow.workflow.TaskView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The forms of mediation.bpmn's user tasks, by form key. */
@Configuration
class MediationForms {

    static final Map<String, String> YES_NO = FormField.options("yes", "Yes", "no", "No");

    @Bean
    TaskForm suitabilityForm(MediationService mediations, CaseStore caseStore) {
        return new MediationForm("mediation/suitability", "Check suitability", List.of(
                FormField.choice("powerImbalance", "Is there a power imbalance between the parties?", YES_NO)
                        .withHint("E.g. bullying over time, a big difference in age or size, a group against one."),
                FormField.choice("safeguardingConcern", "Is there a safeguarding concern?", YES_NO)
                        .withHint("If yes, tell the DSL as well: raise a concern."),
                FormField.choice("suitable", "Is mediation suitable?", YES_NO),
                FormField.longText("notes", "Why")), mediations, caseStore) {
            @Override
            Map<String, Object> write(Mediation m, TaskView task, Map<String, String> v, FormData data, Viewer viewer) {
                boolean imbalance = "yes".equals(v.get("powerImbalance"));
                boolean safeguarding = "yes".equals(v.get("safeguardingConcern"));
                boolean suitable = "yes".equals(v.get("suitable"));
                if (suitable && (imbalance || safeguarding)) {
                    data.reject("suitable", "Mediation is not suitable where there is a power imbalance or a safeguarding concern.");
                }
                data.throwIfInvalid();
                mediations.recordSuitability(m, imbalance, safeguarding, suitable, v.get("notes"), viewer);
                return Map.of(MediationProcess.SUITABLE, suitable);
            }
        };
    }

    @Bean
    TaskForm consentForm(MediationService mediations, CaseStore caseStore) {
        return new MediationForm("mediation/consent", "Ask for consent", List.of(
                FormField.choice("consent", "Does the student agree to take part?", FormField.options(
                        "given", "Yes, they agree", "refused", "No, they do not")),
                FormField.date("askedOn", "Date asked"),
                FormField.longText("notes", "What they said").optional()), mediations, caseStore) {
            @Override
            Map<String, Object> write(Mediation m, TaskView task, Map<String, String> v, FormData data, Viewer viewer) {
                data.throwIfInvalid();
                boolean given = "given".equals(v.get("consent"));
                mediations.recordConsent(m, task.studentId(), given, LocalDate.parse(v.get("askedOn")), v.get("notes"), viewer);
                // only a refusal is written: a consent must never overwrite another party's refusal
                return given ? Map.of() : Map.of(MediationProcess.CONSENT_REFUSED, true);
            }
        };
    }

    @Bean
    TaskForm declinedForm(MediationService mediations, CaseStore caseStore) {
        return new MediationForm("mediation/declined", "Consent refused: note the alternative support", List.of(
                FormField.longText("alternative", "The support offered instead")
                        .withHint("E.g. separate check-ins with each student, a change of seating or route, a referral.")),
                mediations, caseStore) {
            @Override
            Map<String, Object> write(Mediation m, TaskView task, Map<String, String> v, FormData data, Viewer viewer) {
                data.throwIfInvalid();
                mediations.recordDeclined(m, v.get("alternative"), viewer);
                return Map.of();
            }
        };
    }

    @Bean
    TaskForm preMeetingForm(MediationService mediations, CaseStore caseStore) {
        return new MediationForm("mediation/pre-meeting", "Pre-meeting", List.of(
                FormField.date("on", "Date of the pre-meeting"),
                FormField.longText("account", "Their account of what happened"),
                FormField.longText("feelings", "How they feel now, and what they want from the meeting")), mediations, caseStore) {
            @Override
            Map<String, Object> write(Mediation m, TaskView task, Map<String, String> v, FormData data, Viewer viewer) {
                data.throwIfInvalid();
                mediations.recordPartyNote(m, task.studentId(), EntryKind.SESSION, LocalDate.parse(v.get("on")),
                        "Mediation pre-meeting", "Their account: " + v.get("account") + "\n\nHow they feel, what they want: "
                                + v.get("feelings"), viewer);
                return Map.of();
            }
        };
    }

    @Bean
    TaskForm meetingForm(MediationService mediations, CaseStore caseStore) {
        return new MediationForm("mediation/meeting", "Restorative meeting", List.of(
                FormField.date("meetingOn", "Date of the meeting"),
                FormField.text("attendees", "Who attended"),
                FormField.longText("whatHappened", "What happened"),
                FormField.longText("whoAffected", "Who was affected, and how"),
                FormField.longText("repair", "What needs to happen to repair the harm"),
                FormField.longText("actions", "Agreed actions").withHint("Who does what, by when.")), mediations, caseStore) {
            @Override
            Map<String, Object> write(Mediation m, TaskView task, Map<String, String> v, FormData data, Viewer viewer) {
                data.throwIfInvalid();
                mediations.recordMeeting(m, LocalDate.parse(v.get("meetingOn")), v.get("attendees"), v.get("whatHappened"),
                        v.get("whoAffected"), v.get("repair"), v.get("actions"), viewer);
                return Map.of();
            }
        };
    }

    @Bean
    TaskForm checkInForm(MediationService mediations, CaseStore caseStore) {
        return new MediationForm("mediation/check-in", "Follow-up check-in", List.of(
                FormField.date("on", "Date of the check-in"),
                FormField.choice("actionsKept", "Are the agreed actions being kept?", FormField.options(
                        "yes", "Yes", "partly", "Partly", "no", "No")),
                FormField.longText("notes", "How things are now")), mediations, caseStore) {
            @Override
            Map<String, Object> write(Mediation m, TaskView task, Map<String, String> v, FormData data, Viewer viewer) {
                data.throwIfInvalid();
                mediations.recordPartyNote(m, task.studentId(), EntryKind.REVIEW, LocalDate.parse(v.get("on")),
                        "Mediation follow-up check-in: agreed actions kept: " + v.get("actionsKept"), v.get("notes"), viewer);
                return Map.of();
            }
        };
    }

    @Bean
    TaskForm mediationReviewForm(MediationService mediations, CaseStore caseStore) {
        return new MediationForm("mediation/review", "Resolved, mediate again or escalate?", List.of(
                FormField.choice(MediationProcess.DECISION, "Decision", MediationService.REVIEW_OPTIONS),
                FormField.longText("rationale", "Why")), mediations, caseStore) {
            @Override
            Map<String, Object> write(Mediation m, TaskView task, Map<String, String> v, FormData data, Viewer viewer) {
                data.throwIfInvalid();
                mediations.recordReview(m, v.get(MediationProcess.DECISION), v.get("rationale"), viewer);
                return Map.of(MediationProcess.DECISION, v.get(MediationProcess.DECISION));
            }
        };
    }

    @Bean
    TaskForm headOfYearReviewForm(MediationService mediations, CaseStore caseStore) {
        return new MediationForm("mediation/hoy-review", "Head of Year review", List.of(
                FormField.longText("action", "What happens instead")
                        .withHint("E.g. a sanction under the behaviour policy, a support plan, a referral, a meeting with parents.")),
                mediations, caseStore) {
            @Override
            Map<String, Object> write(Mediation m, TaskView task, Map<String, String> v, FormData data, Viewer viewer) {
                data.throwIfInvalid();
                mediations.recordHeadOfYearReview(m, v.get("action"), viewer);
                return Map.of();
            }
        };
    }
}
