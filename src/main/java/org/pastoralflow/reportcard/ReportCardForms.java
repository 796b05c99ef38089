package org.pastoralflow.reportcard;

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

/** The weekly and final reviews of report-card.bpmn: the card, its figures and its past reviews above the form. */
@Configuration
@EnableConfigurationProperties(ReportCardSettings.class)
class ReportCardForms {

    private final ReportCards cards;
    private final ReportCardSteps steps;
    private final ReportCardReviewRepository reviews;
    private final FormSet<ReportCard> forms;

    ReportCardForms(ReportCards cards, ReportCardSteps steps, ReportCardReviewRepository reviews) {
        this.cards = cards;
        this.steps = steps;
        this.reviews = reviews;
        this.forms = FormSet.of("reportcard/task", task -> cards.byReference(task.businessKey()), this::page);
    }

    private Map<String, Object> page(ReportCard card, TaskView task, Viewer viewer) {
        Map<String, Object> model = new HashMap<>();
        model.put("card", card);
        model.put("student", cards.studentOf(card));
        model.put("levelName", cards.levelName(card.getLevelCode()));
        model.put("week", cards.weekFigures(card));
        model.put("all", cards.allFigures(card));
        model.put("reviews", reviews.findByReportCardIdOrderByReviewedAtAsc(card.getId()));
        model.put("history", cards.history(card, viewer, "task " + task.form()));
        return model;
    }

    private static List<FormField> fields(Map<String, String> decisions) {
        return List.of(
                FormField.choice(ReportCardProcess.DECISION, "Decision", decisions),
                FormField.number(ReportCardProcess.EXTRA_DAYS, "Extend by (school days)").optional()
                        .withHint("Only when extending."),
                FormField.longText("notes", "Why, and what was agreed with the student"));
    }

    /** Extending needs a number of days that keeps the card within the school's longest report. */
    private void checkExtension(FieldTaskForm.Submission<ReportCard> s) {
        boolean extend = s.is(ReportCardProcess.DECISION, ReportCardProcess.EXTEND);
        s.requireWhen(extend, ReportCardProcess.EXTRA_DAYS, "Say how many school days to extend by.");
        String days = s.get(ReportCardProcess.EXTRA_DAYS);
        if (extend && days != null) {
            int n = Integer.parseInt(days);
            if (n < 1) {
                s.reject(ReportCardProcess.EXTRA_DAYS, "Extend by at least one school day.");
            } else if (!steps.withinMaximum(s.record(), n)) {
                s.reject(ReportCardProcess.EXTRA_DAYS, "A report lasts at most " + cards.settings().maxSchoolDays()
                        + " school days (the school's setting); this one has run " + s.record().getStartsOn() + " to "
                        + s.record().getEndsOn() + ".");
            }
        }
    }

    private Map<String, Object> completion(FieldTaskForm.Submission<ReportCard> s, String kind) {
        String decision = s.get(ReportCardProcess.DECISION);
        boolean extend = ReportCardProcess.EXTEND.equals(decision);
        Integer extra = extend ? Integer.valueOf(s.get(ReportCardProcess.EXTRA_DAYS)) : null;
        steps.recordReview(s.record(), kind, decision, s.get("notes"), extra, s.viewer());
        Map<String, Object> vars = new HashMap<>();
        vars.put(ReportCardProcess.DECISION, decision);
        vars.put(ReportCardProcess.EXTRA_DAYS, extra == null ? 0 : extra);
        return vars;
    }

    @Bean
    TaskForm weeklyReviewForm() {
        return forms.form("report-card/weekly-review", "Weekly review of the report card", fields(ReportCardSteps.WEEKLY_DECISIONS))
                .withRule(this::checkExtension)
                .withRule(s -> {
                    ReportCardSettings settings = cards.settings();
                    String level = s.record().getLevelCode();
                    if (s.is(ReportCardProcess.DECISION, ReportCardProcess.STEP_UP) && settings.step(level, 1).code().equals(level)) {
                        s.reject(ReportCardProcess.DECISION, "The card is at the top level already.");
                    }
                    if (s.is(ReportCardProcess.DECISION, ReportCardProcess.STEP_DOWN) && settings.step(level, -1).code().equals(level)) {
                        s.reject(ReportCardProcess.DECISION, "The card is at the first level already: end it instead.");
                    }
                })
                .completes(s -> completion(s, ReportCardReview.WEEKLY));
    }

    @Bean
    TaskForm finalReviewForm() {
        return forms.form("report-card/final-review", "Final review: the report's set length is over", fields(ReportCardSteps.FINAL_DECISIONS))
                .withRule(this::checkExtension)
                .completes(s -> completion(s, ReportCardReview.FINAL));
    }
}
