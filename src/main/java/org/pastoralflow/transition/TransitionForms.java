package org.pastoralflow.transition;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.workflow.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The forms of transition.bpmn's user tasks, by form key. */
@Configuration
class TransitionForms {

    static final Map<String, String> ITEMS = FormField.options("profile", "Pupil profile", "send", "SEND information",
            "attendance", "Attendance", "medical", "Medical needs", "safeguarding", "Safeguarding information (not the CP file)");
    static final Map<String, String> CP_FILE_METHODS = FormField.options(
            "secure-electronic", "Secure electronic transfer (e.g. the safeguarding system's transfer)",
            "by-hand", "By hand, DSL to DSL", "recorded-delivery", "Recorded delivery", "other", "Other secure way");

    @Bean
    TaskForm primaryInformationForm(Transitions transitions, TransitionRecording recording) {
        return new TransitionForm("transition/primary-information", "Record the information from the primary", List.of(
                FormField.choice("received", "Has the information come?", FormField.options(
                        "received", "Yes, it has come", "not-coming", "No, and none will come")),
                FormField.date("receivedOn", "Received on").optional(),
                FormField.checks("items", "What came", ITEMS).optional(),
                FormField.longText("notes", "What the primary says about the child").optional()
                        .withHint("For the tutor booklet: strengths, friendships, what helps. Safeguarding detail goes to the DSL, not here."),
                FormField.text("medical", "Medical needs (allergies, medication)").optional(),
                FormField.longText("send", "SEND information (read by the SENCO)").optional(),
                FormField.choice("anxiety", "Does the primary report anxiety about the move?", TransitionForm.YES_NO),
                FormField.choice("youngCarer", "Is the child a young carer?", TransitionForm.YES_NO),
                FormField.choice("recommends", "Does the primary recommend an enhanced transition?", TransitionForm.YES_NO),
                FormField.choice("cpFile", "Does the primary hold a child protection file for this child?", TransitionForm.YES_NO)
                        .withHint("If yes, the DSL gets a task to receive it. Do not write what is in it here."),
                FormField.text("notComing", "Why no information will come").optional()
                        .withHint("E.g. the child was home-educated, or the school has closed.")), transitions, recording) {
            @Override
            Map<String, Object> write(Transition t, Map<String, String> v, FormData data, Viewer viewer) {
                boolean received = "received".equals(v.get("received"));
                requiredWhen(received, v, data, "receivedOn", "Received on is required.");
                requiredWhen(received, v, data, "items", "Tick what came.");
                requiredWhen(received, v, data, "notes", "Write what the primary says about the child.");
                requiredWhen(v.get("received") != null && !received, v, data, "notComing", "Say why no information will come.");
                data.throwIfInvalid();
                boolean anxiety = "yes".equals(v.get("anxiety"));
                boolean youngCarer = "yes".equals(v.get("youngCarer"));
                boolean recommends = "yes".equals(v.get("recommends"));
                List<String> items = v.get("items") == null ? List.of()
                        : Arrays.stream(v.get("items").split(",")).map(ITEMS::get).toList();
                recording.recordPrimaryInformation(t, new TransitionRecording.PrimaryInformation(received, day(v, "receivedOn"),
                        items, anxiety, youngCarer, recommends, "yes".equals(v.get("cpFile")), v.get("notes"), v.get("medical"),
                        v.get("send"), v.get("notComing")), viewer);
                return Map.of(); // the triage reads the answers from the record, never from the engine
            }

            @Override
            String intro(Transition t) {
                return "Ask " + transitions.schoolOf(t).getName() + " for the pupil profile, SEND, attendance, medical and "
                        + "safeguarding information. The child protection file comes separately, DSL to DSL.";
            }
        };
    }

    @Bean
    TaskForm extraVisitsForm(Transitions transitions, TransitionRecording recording) {
        return milestoneForm("transition/extra-visits", "Extra visits to the school", Milestone.EXTRA_VISITS, List.of(
                FormField.date("on", "Date of the last visit"),
                FormField.text("visits", "The visits").withHint("E.g. 3 May: tour with a Year 7 buddy; 24 May: lunch in the canteen."),
                FormField.longText("howItWent", "How they went")), EntryKind.SESSION, Confidentiality.PASTORAL,
                v -> "Extra transition visits: " + v.get("visits"), v -> v.get("howItWent"), v -> "Visits: " + v.get("visits"),
                transitions, recording);
    }

    @Bean
    TaskForm sencoMeetingForm(Transitions transitions, TransitionRecording recording) {
        return milestoneForm("transition/senco-meeting", "SENCO meeting", Milestone.SENCO_MEETING, List.of(
                FormField.date("on", "Date of the meeting"),
                FormField.text("attendees", "Who was there"),
                FormField.longText("plan", "Support and adjustments agreed for September")), EntryKind.NOTE, Confidentiality.SEND,
                v -> "Transition meeting with the SENCO (" + v.get("attendees") + ")", v -> v.get("plan"), v -> "Met " + v.get("on"),
                transitions, recording);
    }

    @Bean
    TaskForm parentInterviewForm(Transitions transitions, TransitionRecording recording) {
        return milestoneForm("transition/parent-interview", "Parent interview", Milestone.PARENT_INTERVIEW, List.of(
                FormField.date("on", "Date of the interview"),
                FormField.text("with", "With whom"),
                FormField.longText("discussed", "What was discussed and agreed")), EntryKind.CONTACT_HOME, Confidentiality.PASTORAL,
                v -> "Transition interview with " + v.get("with"), v -> v.get("discussed"), v -> "With " + v.get("with"), transitions, recording);
    }

    @Bean
    TaskForm interviewForm(Transitions transitions, TransitionRecording recording) {
        return milestoneForm("transition/interview", "Transition interview", Milestone.INTERVIEW, List.of(
                FormField.date("on", "Date of the interview"),
                FormField.text("by", "Interviewed by"),
                FormField.longText("lookingForward", "What they are looking forward to"),
                FormField.longText("worries", "What worries them"),
                FormField.longText("helps", "What helps them learn and settle").withHint("Goes in the tutor booklet."),
                FormField.text("friends", "Friends they would like in their tutor group").optional()), EntryKind.NOTE,
                Confidentiality.PASTORAL, v -> "Transition interview (" + v.get("by") + ")",
                v -> "Looking forward to: " + v.get("lookingForward") + "\n\nWorries: " + v.get("worries")
                        + "\n\nWhat helps: " + v.get("helps") + (v.get("friends") == null ? "" : "\n\nFriends: " + v.get("friends")),
                v -> "By " + v.get("by"), transitions, recording);
    }

    @Bean
    TaskForm missedDayForm(Transitions transitions, TransitionRecording recording) {
        return new TransitionForm("transition/missed-day", "Follow up the missed transition day", List.of(
                FormField.date("on", "Date of the follow-up"),
                FormField.longText("what", "What was done").withHint("E.g. called home, offered another visit on 14 July.")),
                transitions, recording) {
            @Override
            Map<String, Object> write(Transition t, Map<String, String> v, FormData data, Viewer viewer) {
                data.throwIfInvalid();
                recording.recordMissedDayFollowUp(t, day(v, "on"), v.get("what"), viewer);
                return Map.of();
            }

            @Override
            String intro(Transition t) {
                return "Missed: " + t.getDaysMissed() + ".";
            }
        };
    }

    static final Map<String, String> TOOK_PART = FormField.options("yes", "Took part", "partly", "Took part in some of it",
            "no", "Did not take part");

    @Bean
    TaskForm rightStartForm(Transitions transitions, TransitionRecording recording) {
        return new TransitionForm("transition/right-start", "Right Start programme", List.of(
                FormField.choice("tookPart", "Right Start", TOOK_PART),
                FormField.longText("notes", "Notes").optional()), transitions, recording) {
            @Override
            Map<String, Object> write(Transition t, Map<String, String> v, FormData data, Viewer viewer) {
                data.throwIfInvalid();
                String outcome = TOOK_PART.get(v.get("tookPart"));
                recording.recordMilestone(t, Milestone.RIGHT_START, transitions.today(), outcome, EntryKind.SESSION,
                        Confidentiality.PASTORAL, "Right Start programme: " + outcome.toLowerCase(), v.get("notes"), viewer);
                return Map.of();
            }
        };
    }

    static final Map<String, String> SETTLED = FormField.options("settled", "Settled", "with-support", "Settling, with support",
            "not-settled", "Not settled");

    @Bean
    TaskForm settlingInForm(Transitions transitions, TransitionRecording recording) {
        return new TransitionForm("transition/settling-in", "Settling-in review", List.of(
                FormField.date("on", "Date of the review"),
                FormField.choice("settled", "How they have settled", SETTLED),
                FormField.longText("notes", "What the student, tutor and parents say"),
                FormField.longText("nextSteps", "What happens next").optional(),
                FormField.checks("refer", "Pastoral support", FormField.options("yes", "Refer for pastoral support (raises a concern)"))
                        .optional()), transitions, recording) {
            @Override
            Map<String, Object> write(Transition t, Map<String, String> v, FormData data, Viewer viewer) {
                boolean refer = "yes".equals(v.get("refer"));
                if ("not-settled".equals(v.get("settled")) && !refer && v.get("nextSteps") == null) {
                    data.reject("nextSteps", "Not settled: say what happens next, or refer for pastoral support.");
                }
                data.throwIfInvalid();
                String outcome = SETTLED.get(v.get("settled"));
                recording.recordMilestone(t, Milestone.SETTLING_IN, day(v, "on"), outcome, EntryKind.REVIEW, Confidentiality.PASTORAL,
                        "Settling-in review: " + outcome.toLowerCase(), v.get("notes")
                                + (v.get("nextSteps") == null ? "" : "\n\nNext: " + v.get("nextSteps")), viewer);
                if (refer) {
                    recording.raiseConcern(t, "welfare", "Settling-in review (" + outcome.toLowerCase() + "): " + v.get("notes"),
                            null, transitions.now(), null, false, viewer.userId());
                }
                return Map.of();
            }
        };
    }

    static final Map<String, String> CP_OUTCOMES = FormField.options("received", "Received and reviewed",
            "none", "No file exists after all (the primary's DSL confirmed)");

    @Bean
    TaskForm cpFileForm(Transitions transitions, TransitionRecording recording) {
        return new TransitionForm("transition/cp-file", "Confirm receipt of the CP file and review it", List.of(
                FormField.choice("outcome", "The child protection file", CP_OUTCOMES),
                FormField.date("receivedOn", "Received on").optional(),
                FormField.text("from", "Sent by (the primary's DSL)").optional(),
                FormField.select("how", "How it came", CP_FILE_METHODS).optional(),
                FormField.checks("receiptConfirmed", "Confirmation of receipt",
                        FormField.options("yes", "I have confirmed receipt to the primary")).optional(),
                FormField.date("reviewedOn", "Reviewed on").optional(),
                FormField.longText("review", "What the file shows").optional()
                        .withHint("Current involvement (CP plan, child in need, Early Help), the social worker, what the school must know."),
                FormField.longText("actions", "What the school will do, and who needs to know").optional(),
                FormField.text("noFileReason", "How you know there is no file").optional()), transitions, recording) {
            @Override
            Map<String, Object> write(Transition t, Map<String, String> v, FormData data, Viewer viewer) {
                boolean received = "received".equals(v.get("outcome"));
                requiredWhen(received, v, data, "receivedOn", "Received on is required.");
                requiredWhen(received, v, data, "from", "Say who sent it.");
                requiredWhen(received, v, data, "how", "Say how it came.");
                requiredWhen(received, v, data, "receiptConfirmed", "Confirm receipt to the primary first (KCSIE).");
                requiredWhen(received, v, data, "reviewedOn", "Reviewed on is required.");
                requiredWhen(received, v, data, "review", "Write what the file shows.");
                requiredWhen(v.get("outcome") != null && !received, v, data, "noFileReason", "Say how you know there is no file.");
                LocalDate got = day(v, "receivedOn"), reviewed = day(v, "reviewedOn");
                if (got != null && reviewed != null && reviewed.isBefore(got)) {
                    data.reject("reviewedOn", "It cannot be reviewed before it was received.");
                }
                data.throwIfInvalid();
                recording.recordCpFile(t, new TransitionRecording.CpFileReceipt(received, got, CP_FILE_METHODS.get(v.get("how")),
                        v.get("from"), received, reviewed, v.get("review"), v.get("actions"), v.get("noFileReason")), viewer);
                return Map.of();
            }

            @Override
            String intro(Transition t) {
                return "KCSIE: the file comes separately from the pupil file, DSL to DSL, by "
                        + Transitions.day(transitions.milestone(t, Milestone.CP_FILE).getDueOn()) + ". Confirm its receipt to the primary.";
            }
        };
    }

    @Bean
    TaskForm cpFileWithdrawnForm(Transitions transitions, TransitionRecording recording) {
        return new TransitionForm("transition/cp-file-withdrawn", "CP file: tell the primary or pass it on", List.of(
                FormField.longText("what", "What was done")
                        .withHint("E.g. told the primary's DSL the child is going to another school; passed the file we received to it, securely.")),
                transitions, recording) {
            @Override
            Map<String, Object> write(Transition t, Map<String, String> v, FormData data, Viewer viewer) {
                data.throwIfInvalid();
                recording.recordCpFileAfterWithdrawal(t, v.get("what"), viewer);
                return Map.of();
            }
        };
    }

    interface Text {
        String of(Map<String, String> v);
    }

    /** A form that marks its milestone done and records one note. */
    private static TaskForm milestoneForm(String key, String title, Milestone milestone, List<FormField> fields, EntryKind kind,
                                          Confidentiality confidentiality, Text summary, Text detail, Text outcome,
                                          Transitions transitions, TransitionRecording recording) {
        return new TransitionForm(key, title, fields, transitions, recording) {
            @Override
            Map<String, Object> write(Transition t, Map<String, String> v, FormData data, Viewer viewer) {
                data.throwIfInvalid();
                recording.recordMilestone(t, milestone, day(v, "on"), outcome.of(v), kind, confidentiality, summary.of(v),
                        detail.of(v), viewer);
                return new HashMap<>();
            }
        };
    }
}
