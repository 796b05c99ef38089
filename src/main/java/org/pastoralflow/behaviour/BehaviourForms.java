package org.pastoralflow.behaviour;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.workflow.FormSet;
import org.pastoralflow.workflow.TaskForm;
import org.pastoralflow.workflow.TaskView;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The forms of behaviour-follow-up.bpmn's user tasks: the Head of Year's decision and the PSO's
 * check-in, with the week's points and the student's recent logs above the form.
 */
@Configuration
@EnableConfigurationProperties(BehaviourSettings.class)
class BehaviourForms {

    private final FormSet<BehaviourFollowUp> forms;
    private final BehaviourThresholds thresholds;

    BehaviourForms(BehaviourThresholds thresholds, BehaviourReads reads, CaseStore caseStore, Clock clock) {
        this.thresholds = thresholds;
        this.forms = FormSet.<BehaviourFollowUp>of("behaviour/task", task -> thresholds.byReference(task.businessKey()),
                        (f, task, viewer) -> page(f, task, viewer, reads, caseStore))
                .withDefaults(FormSet.todayIn(() -> LocalDate.now(clock)))
                .withRule(s -> s.refuseDatesAfter(LocalDate.now(clock)));
    }

    private static Map<String, Object> page(BehaviourFollowUp f, TaskView task, Viewer viewer, BehaviourReads reads, CaseStore caseStore) {
        Map<String, Object> model = new HashMap<>();
        model.put("followUp", f);
        model.put("panel", reads.panel(f.getStudentId(), viewer));
        model.put("categories", reads.labels());
        model.put("history", caseStore.aboutRecord(BehaviourProcess.SOURCE_FOLLOW_UP, f.getId(), viewer, f.getStudentId(),
                "task " + task.form()));
        return model;
    }

    @Bean
    TaskForm behaviourDecisionForm() {
        return forms.form("behaviour/decide", "Decide the follow-up", List.of(
                FormField.choice(BehaviourProcess.DECISION, "Decision", BehaviourThresholds.DECISIONS)
                        .withHint("Putting a student on report: record the decision here, then set up the report card."),
                FormField.longText("rationale", "Why"))).completes(s -> {
                    thresholds.decided(s.record(), s.get(BehaviourProcess.DECISION), s.get("rationale"), s.viewer());
                    return Map.of(BehaviourProcess.DECISION, s.get(BehaviourProcess.DECISION));
                });
    }

    @Bean
    TaskForm behaviourCheckInForm() {
        return forms.form("behaviour/check-in", "PSO check-in", List.of(
                FormField.date("checkedInOn", "Date of the check-in"),
                FormField.longText("notes", "What was said and agreed"))).completes(s -> {
                    thresholds.checkedIn(s.record(), s.day("checkedInOn"), s.get("notes"), s.viewer());
                    return Map.of();
                });
    }
}
