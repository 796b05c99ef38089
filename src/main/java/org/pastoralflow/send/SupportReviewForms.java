package org.pastoralflow.send;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.forms.FormField;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.workflow.FormSet;
import org.pastoralflow.workflow.TaskForm;
import org.pastoralflow.workflow.TaskView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The review of sen-support-review.bpmn: the profile and the earlier reviews above it; the pupil's and the parents' views required. */
@Configuration
class SupportReviewForms {

    static final Map<String, String> OUTCOMES = FormField.options(
            SupportReview.CONTINUE, "Carry on at SEN support with the next steps",
            SupportReview.REQUEST_ASSESSMENT, "Carry on, and ask the local authority for an EHC needs assessment",
            SupportReview.LEAVE, "No longer needs SEN support");

    private final SenRegister register;
    private final SenRecording recording;

    SupportReviewForms(SenRegister register, SenRecording recording) {
        this.register = register;
        this.recording = recording;
    }

    private Map<String, Object> page(SenEntry entry, TaskView task, Viewer viewer) {
        Map<String, Object> model = new HashMap<>();
        model.put("entry", entry);
        model.put("supportReviews", register.supportReviewsOf(entry));
        return model;
    }

    @Bean
    TaskForm senSupportReviewForm() {
        FormSet<SenEntry> set = FormSet.<SenEntry>of("send/task", t -> register.entryByReference(t.businessKey()), this::page)
                .withDefaults(FormSet.todayIn(register::today))
                .withRule(s -> s.refuseDatesAfter(register.today()));
        return set.form("sen-support-review/review", "Review the SEN support plan", List.of(
                        FormField.date("reviewedOn", "Reviewed on"),
                        FormField.longText("pupilViews", "The pupil's views"),
                        FormField.longText("parentViews", "The parents' views"),
                        FormField.longText("progress", "Progress against the outcomes"),
                        FormField.longText("nextSteps", "Next steps: the plan until the next review"),
                        FormField.choice(SupportReviewProcess.OUTCOME, "Outcome", OUTCOMES)))
                .completes(s -> {
                    recording.recordSupportReview(s.record(), s.day("reviewedOn"), s.get("pupilViews"), s.get("parentViews"),
                            s.get("progress"), s.get("nextSteps"), s.get(SupportReviewProcess.OUTCOME), s.viewer());
                    return Map.of(SupportReviewProcess.OUTCOME, s.get(SupportReviewProcess.OUTCOME));
                });
    }
}
