package org.pastoralflow.send;

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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SENCO's steps of ehcp-annual-review.bpmn: the review and the plan above each form, then the
 * form. Dates must come in the order the regulations put them: nothing recorded as done after today,
 * nothing before the meeting that needs the meeting, and the invitations and advice not after it.
 */
@Configuration
@EnableConfigurationProperties(SendSettings.class)
class EhcpReviewForms {

    static final Map<String, String> RECOMMENDATIONS = FormField.options(
            EhcpReviewProcess.MAINTAIN, "Keep the plan as it is",
            EhcpReviewProcess.AMEND, "Amend the plan",
            EhcpReviewProcess.CEASE, "Cease the plan");
    static final Map<String, String> DECISIONS = FormField.options(
            EhcpReviewProcess.MAINTAIN, "Keep the plan as it is",
            EhcpReviewProcess.AMEND, "Amend the plan",
            EhcpReviewProcess.CEASE, "Cease the plan");
    static final Map<String, String> INVITED = FormField.options(
            "parents", "The parents",
            "young-person", "The young person",
            "school", "Staff who teach or support them",
            "health", "Health professionals",
            "social-care", "Social care",
            "authority", "The local authority's SEN officer");

    private final SenRegister register;
    private final EhcpReviewRecording recording;
    private final EhcpReviewTimes times;
    private final FormSet<EhcpReview> forms;

    EhcpReviewForms(SenRegister register, EhcpReviewRecording recording, EhcpReviewTimes times) {
        this.register = register;
        this.recording = recording;
        this.times = times;
        this.forms = FormSet.<EhcpReview>of("send/task", this::reviewOf, this::page)
                .withDefaults(FormSet.todayIn(register::today));
    }

    /** The task's review: the plan's latest, the one its process has open. */
    private EhcpReview reviewOf(TaskView task) {
        EhcpPlan plan = register.planByReference(task.businessKey());
        return register.reviewsOf(plan).get(0);
    }

    private Map<String, Object> page(EhcpReview review, TaskView task, Viewer viewer) {
        EhcpPlan plan = register.plan(review.getEhcpPlanId());
        Map<String, Object> model = new HashMap<>();
        model.put("plan", plan);
        model.put("review", review);
        model.put("supportReviews", List.of());
        return model;
    }

    /** Four weeks on, leaving time for the invitations; sooner when the review is due before that. */
    private LocalDate suggestedMeeting(EhcpReview r) {
        LocalDate fourWeeks = register.today().plusWeeks(4);
        return r.getDueOn().isAfter(register.today().plusWeeks(2)) && r.getDueOn().isBefore(fourWeeks) ? r.getDueOn() : fourWeeks;
    }

    @Bean
    TaskForm ehcpArrangeForm() {
        return forms.form("ehcp-annual-review/arrange", "Arrange the annual review meeting", List.of(
                        FormField.date("meetingOn", "Date of the meeting"),
                        FormField.longText("lateReason", "Why the meeting is after the review is due").optional()
                                .withHint("Only when the meeting is later than the date the review is due.")))
                .withDefaults((r, f) -> Map.of("meetingOn", suggestedMeeting(r).toString()))
                .withIntro((r, t) -> "The review is due by " + r.getDueOn() + ". Invitations and advice must go out two weeks before the meeting.")
                .withRule(s -> {
                    LocalDate on = s.day("meetingOn");
                    if (on != null && !on.isAfter(register.today())) {
                        s.reject("meetingOn", "Date of the meeting must be after today.");
                    }
                    s.requireWhen(on != null && on.isAfter(s.record().getDueOn()), "lateReason",
                            "The meeting is after the review is due (" + s.record().getDueOn() + "): say why.");
                })
                .completes(s -> {
                    recording.arrange(s.record(), s.day("meetingOn"), s.get("lateReason"), s.viewer());
                    return Map.of();
                });
    }

    @Bean
    TaskForm ehcpInvitationsForm() {
        return forms.form("ehcp-annual-review/invitations", "Send the invitations", List.of(
                        FormField.date("sentOn", "Invitations sent on"),
                        FormField.checks("invited", "Invited", INVITED)))
                .withIntro((r, t) -> "By " + times.invitationsDay(r) + ": two weeks before the meeting on " + r.getMeetingOn() + ".")
                .withRule(s -> s.refuseDatesAfter(register.today()))
                .withRule(s -> {
                    if (s.day("sentOn") != null && !s.day("sentOn").isBefore(s.record().getMeetingOn())) {
                        s.reject("sentOn", "Invitations must go out before the meeting (" + s.record().getMeetingOn() + ").");
                    }
                    String invited = s.get("invited");
                    if (invited != null && !(List.of(invited.split(",")).containsAll(List.of("parents", "young-person")))) {
                        s.reject("invited", "The parents and the young person must be invited (reg. 20(2)).");
                    }
                })
                .completes(s -> {
                    recording.invitationsSent(s.record(), s.day("sentOn"), s.get("invited"), s.viewer());
                    return Map.of();
                });
    }

    @Bean
    TaskForm ehcpAdviceForm() {
        return forms.form("ehcp-annual-review/advice", "Gather and circulate the advice", List.of(
                        FormField.date("circulatedOn", "Advice circulated on"),
                        FormField.longText("adviceFrom", "Advice and information from")))
                .withIntro((r, t) -> "By " + times.adviceDay(r) + ": two weeks before the meeting on " + r.getMeetingOn() + ".")
                .withRule(s -> s.refuseDatesAfter(register.today()))
                .withRule(s -> {
                    if (s.day("circulatedOn") != null && !s.day("circulatedOn").isBefore(s.record().getMeetingOn())) {
                        s.reject("circulatedOn", "The advice must be circulated before the meeting (" + s.record().getMeetingOn() + ").");
                    }
                })
                .completes(s -> {
                    recording.adviceCirculated(s.record(), s.day("circulatedOn"), s.get("adviceFrom"), s.viewer());
                    return Map.of();
                });
    }

    @Bean
    TaskForm ehcpMeetingForm() {
        return forms.form("ehcp-annual-review/meeting", "Record the annual review meeting", List.of(
                        FormField.date("heldOn", "Held on"),
                        FormField.longText("attended", "Who came"),
                        FormField.longText("pupilViews", "The young person's views, wishes and feelings"),
                        FormField.longText("parentViews", "The parents' views"),
                        FormField.choice("recommendation", "The meeting recommends", RECOMMENDATIONS)))
                .withRule(s -> s.refuseDatesAfter(register.today()))
                .withRule(s -> {
                    LocalDate held = s.day("heldOn");
                    EhcpReview r = s.record();
                    LocalDate before = r.getAdviceCirculatedOn() == null ? r.getInvitationsSentOn()
                            : r.getInvitationsSentOn() == null || r.getAdviceCirculatedOn().isAfter(r.getInvitationsSentOn())
                            ? r.getAdviceCirculatedOn() : r.getInvitationsSentOn();
                    if (held != null && before != null && held.isBefore(before)) {
                        s.reject("heldOn", "The meeting cannot come before the invitations and the advice went out (" + before + ").");
                    }
                })
                .completes(s -> {
                    recording.held(s.record(), s.day("heldOn"), s.get("attended"), s.get("pupilViews"), s.get("parentViews"),
                            s.get("recommendation"), s.viewer());
                    return Map.of();
                });
    }

    @Bean
    TaskForm ehcpReportForm() {
        return forms.form("ehcp-annual-review/report", "Send the report to the local authority", List.of(
                        FormField.date("sentOn", "Report sent on")))
                .withIntro((r, t) -> "By " + times.reportDay(r) + ": two weeks after the meeting on " + r.getHeldOn() + ".")
                .withRule(s -> s.refuseDatesAfter(register.today()))
                .withRule(s -> {
                    if (s.day("sentOn") != null && s.day("sentOn").isBefore(s.record().getHeldOn())) {
                        s.reject("sentOn", "The report cannot go before the meeting was held (" + s.record().getHeldOn() + ").");
                    }
                })
                .completes(s -> {
                    recording.reportSent(s.record(), s.day("sentOn"), s.viewer());
                    return Map.of();
                });
    }

    @Bean
    TaskForm ehcpDecisionForm() {
        return forms.form("ehcp-annual-review/decision", "Record the local authority's decision", List.of(
                        FormField.choice(EhcpReviewProcess.DECISION, "The local authority decided to", DECISIONS),
                        FormField.date("decidedOn", "Decided on"),
                        FormField.longText("notes", "What the authority said")))
                .withIntro((r, t) -> "Due by " + times.decisionDay(r) + ": four weeks after the meeting.")
                .withRule(s -> s.refuseDatesAfter(register.today()))
                .withRule(s -> {
                    if (s.day("decidedOn") != null && s.day("decidedOn").isBefore(s.record().getHeldOn())) {
                        s.reject("decidedOn", "The decision cannot come before the meeting (" + s.record().getHeldOn() + ").");
                    }
                })
                .completes(s -> {
                    recording.decided(s.record(), s.get(EhcpReviewProcess.DECISION), s.day("decidedOn"), s.get("notes"), s.viewer());
                    return Map.of(EhcpReviewProcess.DECISION, s.get(EhcpReviewProcess.DECISION));
                });
    }
}
