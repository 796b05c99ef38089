package org.pastoralflow.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.pastoralflow.forms.FormField;
import org.pastoralflow.security.Viewer;

/**
 * What the task forms of one workflow share: the page that shows them, how a task finds its record,
 * what the page shows about the record (the record, its student, what the viewer may read of its
 * history), what a field shows before anything is typed, and the rules every form of the workflow
 * keeps. Each form of the workflow is then declared with {@link #form}, and may add to the page and
 * the defaults for itself ({@link FieldTaskForm.Draft#withPage}, {@link FieldTaskForm.Draft#withDefaults}).
 *
 * @param <R> the workflow's record (an attendance concern, a mediation)
 */
public record FormSet<R>(String view, Function<TaskView, R> record, PageModel<R> page, Defaults<R> defaults,
                         Consumer<FieldTaskForm.Submission<R>> rules) {

    /** What the page shows about the record, besides the form's title and fields. */
    @FunctionalInterface
    public interface PageModel<R> {
        Map<String, Object> of(R record, TaskView task, Viewer viewer);
    }

    /** What the fields show before anything is typed, by field name. */
    @FunctionalInterface
    public interface Defaults<R> {
        Map<String, String> of(R record, List<FormField> fields);
    }

    /** Forms shown by this view, about the record the task finds; no defaults and no rules beyond the fields' own. */
    public static <R> FormSet<R> of(String view, Function<TaskView, R> record, PageModel<R> page) {
        return new FormSet<>(view, record, page, null, s -> { });
    }

    public FormSet<R> withDefaults(Defaults<R> defaults) {
        return new FormSet<>(view, record, page, defaults, rules);
    }

    /** A rule every form of the workflow keeps, checked after the fields and before the form's own rules. */
    public FormSet<R> withRule(Consumer<FieldTaskForm.Submission<R>> rule) {
        return new FormSet<>(view, record, page, defaults, rules.andThen(rule));
    }

    /** Every date field shows today until something is typed. */
    public static <R> Defaults<R> todayIn(Supplier<LocalDate> today) {
        return (record, fields) -> fields.stream().filter(f -> f.type().equals("date"))
                .collect(Collectors.toMap(FormField::name, f -> today.get().toString()));
    }

    /** A form of the workflow: its key in the model, its title and its fields, in the order shown. */
    public FieldTaskForm.Draft<R> form(String key, String title, List<FormField> fields) {
        List<FormField> fixed = List.copyOf(fields);
        return FieldTaskForm.Draft.of(this, key, title, record -> fixed);
    }

    /** A form whose fields depend on its record (a choice for each student involved), computed when it is shown and when it is sent. */
    public FieldTaskForm.Draft<R> form(String key, String title, Function<R, List<FormField>> fields) {
        return FieldTaskForm.Draft.of(this, key, title, fields);
    }
}
