package org.pastoralflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.security.Viewer;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** A task form declared by its fields: the page shows them, a wrong value is refused by name, a right one completes the task. */
class FieldTaskFormTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final TaskView TASK = new TaskView("t1", "Record the check-in", "Task_CheckIn", "app:demo/check-in", "p1", "demo",
            "D26-00001", null, null, 50, null, 7L, null, null, Set.of());
    static final Viewer PSO = new Viewer("pso1", "Pat Smith", Set.of("pso"));

    /** The demo workflow's record: what the tasks are about. */
    record Visit(String reference, String child) {
    }

    /** What the completion wrote, so the test can see it ran, and with what. */
    final List<String> written = new ArrayList<>();

    FieldTaskForm<Visit> checkIn() {
        FormSet<Visit> forms = FormSet.<Visit>of("demo/task", task -> new Visit(task.businessKey(), "Sam"),
                        (visit, task, viewer) -> Map.of("visit", visit, "where", "task " + task.form()))
                .withDefaults(FormSet.todayIn(() -> TODAY))
                .withRule(s -> s.refuseDatesAfter(TODAY));
        return forms.form("demo/check-in", "Check-in", List.of(
                        FormField.date("on", "Date of the check-in"),
                        FormField.choice("kept", "Are the agreed actions being kept?", FormField.options("yes", "Yes", "no", "No")),
                        FormField.longText("notes", "What was said").optional()))
                .withRule(s -> s.requireWhen(s.is("kept", "no"), "notes", "Say what is not being kept."))
                .withIntro((visit, task) -> "With " + visit.child() + ".")
                .completes(s -> {
                    written.add(s.record().reference() + " " + s.day("on") + " " + s.get("kept") + " by " + s.viewer().userId());
                    return Map.of("actionsKept", s.is("kept", "yes"));
                });
    }

    @Test
    void thePageShowsTheFormsFieldsAndTheRecordTheWorkflowShows() {
        FieldTaskForm<Visit> form = checkIn();

        Map<String, Object> model = form.model(TASK, PSO);

        assertThat(form.key()).isEqualTo("demo/check-in");
        assertThat(form.view()).isEqualTo("demo/task");
        assertThat(model).containsEntry("formTitle", "Check-in").containsEntry("fields", form.fields(new Visit("D26-00001", "Sam")))
                .containsEntry("visit", new Visit("D26-00001", "Sam")).containsEntry("where", "task demo/check-in")
                .containsEntry("intro", "With Sam.").containsEntry("defaults", Map.of("on", "2026-11-23"));

        String html = render(model, Map.of(), Map.of());
        assertThat(html).contains("<label for=\"on\">Date of the check-in</label>")
                .contains("<input id=\"on\" name=\"on\" type=\"date\" value=\"2026-11-23\">")
                .contains("<legend>Are the agreed actions being kept?</legend>")
                .contains("<input type=\"radio\" name=\"kept\" id=\"kept-no\" value=\"no\">")
                .contains("<textarea id=\"notes\" name=\"notes\" rows=\"4\"></textarea>");
    }

    @Test
    void aWrongValueIsRefusedNamingItsFieldAndNothingIsWritten() {
        FormData data = new FormData(Map.of("on", "2026-11-24", "kept", "maybe"));

        assertThatThrownBy(() -> checkIn().complete(TASK, data, PSO)).isInstanceOf(InvalidFormException.class);

        assertThat(data.errors()).containsExactly(
                Map.entry("kept", "Are the agreed actions being kept? must be one of: yes, no."),
                Map.entry("on", "Date of the check-in cannot be in the future."));
        assertThat(written).isEmpty();
        // the form comes back with what was typed, each error beside its field
        String html = render(checkIn().model(TASK, PSO), data.values(), data.errors());
        assertThat(html).contains("value=\"2026-11-24\"")
                .contains("<p class=\"error\" id=\"kept-error\">Are the agreed actions being kept? must be one of: yes, no.</p>");
    }

    @Test
    void theFormsOwnRuleIsKeptBeforeAnythingIsWritten() {
        FormData data = new FormData(Map.of("on", "2026-11-20", "kept", "no"));

        assertThatThrownBy(() -> checkIn().complete(TASK, data, PSO)).isInstanceOf(InvalidFormException.class);

        assertThat(data.errors()).containsExactly(Map.entry("notes", "Say what is not being kept."));
        assertThat(written).isEmpty();
    }

    @Test
    void rightValuesAreWrittenAndCompleteTheTaskWithTheVariables() {
        FormData data = new FormData(Map.of("on", "2026-11-23", "kept", "yes", "notes", "  All fine.  "));

        Map<String, Object> variables = checkIn().complete(TASK, data, PSO);

        assertThat(variables).containsExactly(Map.entry("actionsKept", true));
        assertThat(written).containsExactly("D26-00001 2026-11-23 yes by pso1");
    }

    static final Map<String, Visit> VISITS = Map.of("D26-00001", new Visit("D26-00001", "Sam"), "D26-00002", new Visit("D26-00002", "Ali"));
    static final TaskView ALIS_TASK = new TaskView("t2", "Ask each child", "Task_AskChild", "app:demo/ask-child", "p2", "demo",
            "D26-00002", null, null, 50, null, 8L, null, null, Set.of());

    /** A form whose fields, page and defaults come from its record: a note named for the visit's child. */
    FieldTaskForm<Visit> askChild() {
        FormSet<Visit> forms = FormSet.<Visit>of("demo/task", task -> VISITS.get(task.businessKey()),
                        (visit, task, viewer) -> Map.of("visit", visit))
                .withDefaults(FormSet.todayIn(() -> TODAY));
        return forms.form("demo/ask-child", "Ask the child", visit -> List.of(
                        FormField.date("on", "Date asked"),
                        FormField.text("note-" + visit.child(), "What " + visit.child() + " said")))
                .withPage((visit, task, viewer) -> Map.of("askedBefore", visit.child().equals("Sam")))
                .withDefaults((visit, fields) -> Map.of("on", "2026-11-20", "note-" + visit.child(), "Nothing yet"))
                .completes(s -> {
                    written.add(s.record().child() + ": " + s.get("note-" + s.record().child()));
                    return Map.of();
                });
    }

    @Test
    void aFormsFieldsPageAndDefaultsMayComeFromItsRecordOverTheWorkflows() {
        FieldTaskForm<Visit> form = askChild();

        Map<String, Object> model = form.model(ALIS_TASK, PSO);

        assertThat(form.fields(VISITS.get("D26-00001"))).extracting(FormField::name).containsExactly("on", "note-Sam");
        assertThat(form.fields(VISITS.get("D26-00002"))).extracting(FormField::name).containsExactly("on", "note-Ali");
        assertThat(model).containsEntry("fields", form.fields(VISITS.get("D26-00002")))
                .containsEntry("visit", VISITS.get("D26-00002")).containsEntry("askedBefore", false)
                // the form's own default for "on" is kept over the workflow's today
                .containsEntry("defaults", Map.of("on", "2026-11-20", "note-Ali", "Nothing yet"));
        assertThat(form.model(TASK, PSO)).containsEntry("askedBefore", true);
    }

    @Test
    void aFieldTheRecordGivesIsReadAndRequiredLikeAnyOther() {
        FormData missing = new FormData(Map.of("on", "2026-11-20", "note-Sam", "Fine"));

        assertThatThrownBy(() -> askChild().complete(ALIS_TASK, missing, PSO)).isInstanceOf(InvalidFormException.class);

        assertThat(missing.errors()).containsExactly(Map.entry("note-Ali", "What Ali said is required."));
        assertThat(written).isEmpty();

        askChild().complete(ALIS_TASK, new FormData(Map.of("on", "2026-11-20", "note-Ali", "  Happy to talk.  ")), PSO);

        assertThat(written).containsExactly("Ali: Happy to talk.");
    }

    /** The fields as the feature pages show them, each through the shared {@code forms :: field} fragment; white space as one space. */
    private static String render(Map<String, Object> model, Map<String, String> typed, Map<String, String> errors) {
        ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
        files.setPrefix("templates/");
        files.setSuffix(".html");
        files.setCheckExistence(true);
        files.setOrder(1);
        StringTemplateResolver inline = new StringTemplateResolver();
        inline.setOrder(2);
        SpringTemplateEngine engine = new SpringTemplateEngine(); // the expressions are Spring EL, as in the application
        engine.addTemplateResolver(files);
        engine.addTemplateResolver(inline);
        Context context = new Context();
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("form", typed);
        variables.put("errors", errors);
        context.setVariables(variables);
        return engine.process("<form><th:block th:each=\"f : ${fields}\"><th:block th:replace=\"~{forms :: field(${f})}\"></th:block></th:block></form>",
                context).replaceAll("\\s+", " ");
    }
}
