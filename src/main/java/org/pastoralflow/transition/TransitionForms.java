package org.pastoralflow.transition;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.workflow.FieldTaskForm;
import org.pastoralflow.workflow.FormSet;
import org.pastoralflow.workflow.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The forms of transition.bpmn's user tasks, by form key: one page shows them all, with the
 * incoming student, their milestones and what has been recorded above the form. Each writes
 * through {@link TransitionRecording}.
 */
@Configuration
class TransitionForms {

    static final Map<String, String> ITEMS = FormField.options("profile", "Pupil profile", "send", "SEND information",
            "attendance", "Attendance", "medical", "Medical needs", "safeguarding", "Safeguarding information (not the CP file)");
    static final Map<String, String> CP_FILE_METHODS = FormField.options(
            "secure-electronic", "Secure electronic transfer (e.g. the safeguarding system's transfer)",
            "by-hand", "By hand, DSL to DSL", "recorded-delivery", "Recorded delivery", "other", "Other secure way");
    static final Map<String, String> TOOK_PART = FormField.options("yes", "Took part", "partly", "Took part in some of it",
            "no", "Did not take part");
    static final Map<String, String> SETTLED = FormField.options("settled", "Settled", "with-support", "Settling, with support",
            "not-settled", "Not settled");
    static final Map<String, String> CP_OUTCOMES = FormField.options("received", "Received and reviewed",
            "none", "No file exists after all (the primary's DSL confirmed)");

    /**
     * The steps that tell parents something (the interview, a missed day, how their child has settled)
     * offer a letter home from a template as well, once the child has a case file: the contacts a
     * letter goes to are the MIS's, which come with the student (letters; it logs itself).
     */
    private static final FormSet.PageModel<Transition> LETTER_HOME = (t, task, viewer) -> t.getStudentId() == null ? Map.of()
            : Map.of("letterHome", "/students/" + t.getStudentId() + "/letters/new",
                    "letterHomeHint", "the Transition to Year 7 template");

    private final Transitions transitions;
    private final TransitionRecording recording;
    private final FormSet<Transition> forms;

    TransitionForms(Transitions transitions, TransitionRecording recording) {
        this.transitions = transitions;
        this.recording = recording;
        this.forms = FormSet.<Transition>of("transition/task", task -> transitions.byReference(task.businessKey()),
                        (t, task, viewer) -> TransitionPage.model(t, viewer, transitions, "task " + task.form()))
                .withDefaults(FormSet.todayIn(transitions::today))
                .withRule(s -> s.refuseDatesAfter(transitions.today()));
    }

    @Bean
    TaskForm primaryInformationForm() {
        return forms.form("transition/primary-information", "Record the information from the primary", List.of(
                FormField.choice("received", "Has the information come?", FormField.options(
                        "received", "Yes, it has come", "not-coming", "No, and none will come")),
                FormField.date("receivedOn", "Received on").optional(),
                FormField.checks("items", "What came", ITEMS).optional(),
                FormField.longText("notes", "What the primary says about the child").optional()
                        .withHint("For the tutor booklet: strengths, friendships, what helps. Safeguarding detail goes to the DSL, not here."),
                FormField.text("medical", "Medical needs (allergies, medication)").optional(),
                FormField.longText("send", "SEND information (read by the SENCO)").optional(),
                FormField.choice("anxiety", "Does the primary report anxiety about the move?", FormField.YES_NO),
                FormField.choice("youngCarer", "Is the child a young carer?", FormField.YES_NO),
                FormField.choice("recommends", "Does the primary recommend an enhanced transition?", FormField.YES_NO),
                FormField.choice("cpFile", "Does the primary hold a child protection file for this child?", FormField.YES_NO)
                        .withHint("If yes, the DSL gets a task to receive it. Do not write what is in it here."),
                FormField.text("notComing", "Why no information will come").optional()
                        .withHint("E.g. the child was home-educated, or the school has closed.")))
                .withRule(s -> {
                    boolean received = s.is("received", "received");
                    s.requireWhen(received, "receivedOn", "Received on is required.");
                    s.requireWhen(received, "items", "Tick what came.");
                    s.requireWhen(received, "notes", "Write what the primary says about the child.");
                    s.requireWhen(s.get("received") != null && !received, "notComing", "Say why no information will come.");
                })
                .withIntro((t, task) -> "Ask " + transitions.schoolOf(t).getName() + " for the pupil profile, SEND, attendance, "
                        + "medical and safeguarding information. The child protection file comes separately, DSL to DSL.")
                .completes(s -> {
                    List<String> items = s.get("items") == null ? List.of()
                            : Arrays.stream(s.get("items").split(",")).map(ITEMS::get).toList();
                    recording.recordPrimaryInformation(s.record(), new TransitionRecording.PrimaryInformation(
                            s.is("received", "received"), s.day("receivedOn"), items, s.is("anxiety", "yes"), s.is("youngCarer", "yes"),
                            s.is("recommends", "yes"), s.is("cpFile", "yes"), s.get("notes"), s.get("medical"), s.get("send"),
                            s.get("notComing")), s.viewer());
                    return Map.of(); // the triage reads the answers from the record, never from the engine
                });
    }

    @Bean
    TaskForm extraVisitsForm() {
        return milestoneForm("transition/extra-visits", "Extra visits to the school", Milestone.EXTRA_VISITS, List.of(
                FormField.date("on", "Date of the last visit"),
                FormField.text("visits", "The visits").withHint("E.g. 3 May: tour with a Year 7 buddy; 24 May: lunch in the canteen."),
                FormField.longText("howItWent", "How they went")), EntryKind.SESSION, Confidentiality.PASTORAL,
                v -> "Extra transition visits: " + v.get("visits"), v -> v.get("howItWent"), v -> "Visits: " + v.get("visits"));
    }

    @Bean
    TaskForm sencoMeetingForm() {
        return milestoneForm("transition/senco-meeting", "SENCO meeting", Milestone.SENCO_MEETING, List.of(
                FormField.date("on", "Date of the meeting"),
                FormField.text("attendees", "Who was there"),
                FormField.longText("plan", "Support and adjustments agreed for September")), EntryKind.NOTE, Confidentiality.SEND,
                v -> "Transition meeting with the SENCO (" + v.get("attendees") + ")", v -> v.get("plan"), v -> "Met " + v.get("on"));
    }

    @Bean
    TaskForm parentInterviewForm() {
        return milestoneForm(forms.form("transition/parent-interview", "Parent interview", List.of(
                FormField.date("on", "Date of the interview"),
                FormField.text("with", "With whom"),
                FormField.longText("discussed", "What was discussed and agreed"))).withPage(LETTER_HOME),
                Milestone.PARENT_INTERVIEW, EntryKind.CONTACT_HOME, Confidentiality.PASTORAL,
                v -> "Transition interview with " + v.get("with"), v -> v.get("discussed"), v -> "With " + v.get("with"));
    }

    @Bean
    TaskForm interviewForm() {
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
                v -> "By " + v.get("by"));
    }

    /** A form that marks its milestone done on the day given in {@code on} and records one note. */
    private TaskForm milestoneForm(String key, String title, Milestone milestone, List<FormField> fields, EntryKind kind,
                                   Confidentiality confidentiality, Function<FieldTaskForm.Submission<Transition>, String> summary,
                                   Function<FieldTaskForm.Submission<Transition>, String> detail,
                                   Function<FieldTaskForm.Submission<Transition>, String> outcome) {
        return milestoneForm(forms.form(key, title, fields), milestone, kind, confidentiality, summary, detail, outcome);
    }

    private TaskForm milestoneForm(FieldTaskForm.Draft<Transition> form, Milestone milestone, EntryKind kind,
                                   Confidentiality confidentiality, Function<FieldTaskForm.Submission<Transition>, String> summary,
                                   Function<FieldTaskForm.Submission<Transition>, String> detail,
                                   Function<FieldTaskForm.Submission<Transition>, String> outcome) {
        return form.completes(s -> {
            recording.recordMilestone(s.record(), milestone, s.day("on"), outcome.apply(s), kind, confidentiality, summary.apply(s),
                    detail.apply(s), s.viewer());
            return Map.of();
        });
    }

    @Bean
    TaskForm missedDayForm() {
        return forms.form("transition/missed-day", "Follow up the missed transition day", List.of(
                FormField.date("on", "Date of the follow-up"),
                FormField.longText("what", "What was done").withHint("E.g. called home, offered another visit on 14 July.")))
                .withPage(LETTER_HOME)
                .withIntro((t, task) -> "Missed: " + t.getDaysMissed() + ".")
                .completes(s -> {
                    recording.recordMissedDayFollowUp(s.record(), s.day("on"), s.get("what"), s.viewer());
                    return Map.of();
                });
    }

    @Bean
    TaskForm rightStartForm() {
        return forms.form("transition/right-start", "Right Start programme", List.of(
                FormField.choice("tookPart", "Right Start", TOOK_PART),
                FormField.longText("notes", "Notes").optional())).completes(s -> {
                    String outcome = TOOK_PART.get(s.get("tookPart"));
                    recording.recordMilestone(s.record(), Milestone.RIGHT_START, transitions.today(), outcome, EntryKind.SESSION,
                            Confidentiality.PASTORAL, "Right Start programme: " + outcome.toLowerCase(), s.get("notes"), s.viewer());
                    return Map.of();
                });
    }

    @Bean
    TaskForm settlingInForm() {
        return forms.form("transition/settling-in", "Settling-in review", List.of(
                FormField.date("on", "Date of the review"),
                FormField.choice("settled", "How they have settled", SETTLED),
                FormField.longText("notes", "What the student, tutor and parents say"),
                FormField.longText("nextSteps", "What happens next").optional(),
                FormField.checks("refer", "Pastoral support", FormField.options("yes", "Refer for pastoral support (raises a concern)"))
                        .optional()))
                .withPage(LETTER_HOME)
                .withRule(s -> {
                    if (s.is("settled", "not-settled") && !s.is("refer", "yes") && s.get("nextSteps") == null) {
                        s.reject("nextSteps", "Not settled: say what happens next, or refer for pastoral support.");
                    }
                })
                .completes(s -> {
                    String outcome = SETTLED.get(s.get("settled"));
                    recording.recordMilestone(s.record(), Milestone.SETTLING_IN, s.day("on"), outcome, EntryKind.REVIEW,
                            Confidentiality.PASTORAL, "Settling-in review: " + outcome.toLowerCase(), s.get("notes")
                                    + (s.get("nextSteps") == null ? "" : "\n\nNext: " + s.get("nextSteps")), s.viewer());
                    if (s.is("refer", "yes")) {
                        recording.raiseConcern(s.record(), "welfare", "Settling-in review (" + outcome.toLowerCase() + "): "
                                + s.get("notes"), null, transitions.now(), null, false, s.viewer().userId());
                    }
                    return Map.of();
                });
    }

    @Bean
    TaskForm cpFileForm() {
        return forms.form("transition/cp-file", "Confirm receipt of the CP file and review it", List.of(
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
                FormField.text("noFileReason", "How you know there is no file").optional()))
                .withRule(s -> {
                    boolean received = s.is("outcome", "received");
                    s.requireWhen(received, "receivedOn", "Received on is required.");
                    s.requireWhen(received, "from", "Say who sent it.");
                    s.requireWhen(received, "how", "Say how it came.");
                    s.requireWhen(received, "receiptConfirmed", "Confirm receipt to the primary first (KCSIE).");
                    s.requireWhen(received, "reviewedOn", "Reviewed on is required.");
                    s.requireWhen(received, "review", "Write what the file shows.");
                    s.requireWhen(s.get("outcome") != null && !received, "noFileReason", "Say how you know there is no file.");
                    LocalDate got = s.day("receivedOn"), reviewed = s.day("reviewedOn");
                    if (got != null && reviewed != null && reviewed.isBefore(got)) {
                        s.reject("reviewedOn", "It cannot be reviewed before it was received.");
                    }
                })
                .withIntro((t, task) -> "KCSIE: the file comes separately from the pupil file, DSL to DSL, by "
                        + Transitions.day(transitions.milestone(t, Milestone.CP_FILE).getDueOn()) + ". Confirm its receipt to the primary.")
                .completes(s -> {
                    boolean received = s.is("outcome", "received");
                    recording.recordCpFile(s.record(), new TransitionRecording.CpFileReceipt(received, s.day("receivedOn"),
                            CP_FILE_METHODS.get(s.get("how")), s.get("from"), received, s.day("reviewedOn"), s.get("review"),
                            s.get("actions"), s.get("noFileReason")), s.viewer());
                    return Map.of();
                });
    }

    @Bean
    TaskForm cpFileWithdrawnForm() {
        return forms.form("transition/cp-file-withdrawn", "CP file: tell the primary or pass it on", List.of(
                FormField.longText("what", "What was done")
                        .withHint("E.g. told the primary's DSL the child is going to another school; passed the file we received to it, securely.")))
                .completes(s -> {
                    recording.recordCpFileAfterWithdrawal(s.record(), s.get("what"), s.viewer());
                    return Map.of();
                });
    }
}
