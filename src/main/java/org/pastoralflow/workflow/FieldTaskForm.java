package org.pastoralflow.workflow;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.security.Viewer;

/**
 * A task form that is a declaration: a key, a title, its {@link FormField}s, the rules between them
 * and what completing it writes, in a {@link FormSet} that says how the workflow's pages look. The
 * page shows the fields through {@code forms :: field}; completing reads every field the same way,
 * keeps the workflow's and the form's rules, and only when nothing is wrong hands the values to the
 * completion, which writes through the feature's service and returns the variables that complete
 * the task.
 *
 * <p>Everything a form declares may depend on the task's record, which the page and the completion
 * find the same way: its fields (a sanction for each alleged perpetrator of an incident; a fixed list
 * is the common case), the sentence above it ({@link Draft#withIntro}), what its page shows besides
 * the workflow's ({@link Draft#withPage}), and what its fields show before anything is typed, over
 * the workflow's defaults ({@link Draft#withDefaults}).
 *
 * @param <R> the workflow's record
 */
public final class FieldTaskForm<R> implements TaskForm {

    private final Draft<R> declared;
    private final Function<Submission<R>, Map<String, Object>> completion;

    private FieldTaskForm(Draft<R> declared, Function<Submission<R>, Map<String, Object>> completion) {
        this.declared = declared;
        this.completion = completion;
    }

    @Override
    public String key() {
        return declared.key;
    }

    @Override
    public String view() {
        return declared.set.view();
    }

    /** The fields this form shows and reads for the record. */
    public List<FormField> fields(R record) {
        return List.copyOf(declared.fields.apply(record));
    }

    @Override
    public Map<String, Object> model(TaskView task, Viewer viewer) {
        FormSet<R> set = declared.set;
        R record = set.record().apply(task);
        List<FormField> fields = fields(record);
        Map<String, Object> model = new HashMap<>(set.page().of(record, task, viewer));
        model.put("formTitle", declared.title);
        model.put("fields", fields);
        String sentence = declared.intro.apply(record, task);
        if (sentence != null) {
            model.put("intro", sentence);
        }
        if (set.defaults() != null || declared.defaults != null) {
            Map<String, String> defaults = new HashMap<>();
            if (set.defaults() != null) {
                defaults.putAll(set.defaults().of(record, fields));
            }
            if (declared.defaults != null) {
                defaults.putAll(declared.defaults.of(record, fields));
            }
            model.put("defaults", defaults);
        }
        model.putAll(declared.page.of(record, task, viewer));
        return model;
    }

    @Override
    public Map<String, Object> complete(TaskView task, FormData data, Viewer viewer) {
        R record = declared.set.record().apply(task);
        List<FormField> fields = fields(record);
        Submission<R> submission = new Submission<>(record, task, viewer, fields, FormField.readAll(data, fields), data);
        declared.set.rules().accept(submission);
        declared.rules.accept(submission);
        data.throwIfInvalid();
        return completion.apply(submission);
    }

    /**
     * A form being declared: rules, an intro, page content and defaults may be added before its
     * completion makes it a form.
     */
    public static final class Draft<R> {
        private final FormSet<R> set;
        private final String key;
        private final String title;
        private final Function<R, List<FormField>> fields;
        private final Consumer<Submission<R>> rules;
        private final BiFunction<R, TaskView, String> intro;
        private final FormSet.PageModel<R> page;
        private final FormSet.Defaults<R> defaults;

        private Draft(FormSet<R> set, String key, String title, Function<R, List<FormField>> fields, Consumer<Submission<R>> rules,
                      BiFunction<R, TaskView, String> intro, FormSet.PageModel<R> page, FormSet.Defaults<R> defaults) {
            this.set = set;
            this.key = key;
            this.title = title;
            this.fields = fields;
            this.rules = rules;
            this.intro = intro;
            this.page = page;
            this.defaults = defaults;
        }

        static <R> Draft<R> of(FormSet<R> set, String key, String title, Function<R, List<FormField>> fields) {
            return new Draft<>(set, key, title, fields, s -> { }, (r, t) -> null, (r, t, v) -> Map.of(), null);
        }

        /** A rule between this form's fields, checked before anything is written. */
        public Draft<R> withRule(Consumer<Submission<R>> rule) {
            return new Draft<>(set, key, title, fields, rules.andThen(rule), intro, page, defaults);
        }

        /** A sentence above the form: what this step is for, or with whom (null for none). */
        public Draft<R> withIntro(BiFunction<R, TaskView, String> sentence) {
            return new Draft<>(set, key, title, fields, rules, sentence, page, defaults);
        }

        /** What this form's page shows besides what every page of the workflow shows (a list the step decides on). */
        public Draft<R> withPage(FormSet.PageModel<R> more) {
            return new Draft<>(set, key, title, fields, rules, intro, more, defaults);
        }

        /** What this form's fields show before anything is typed, by field name, over the workflow's defaults. */
        public Draft<R> withDefaults(FormSet.Defaults<R> own) {
            return new Draft<>(set, key, title, fields, rules, intro, page, own);
        }

        /** The write, given values that passed every check; returns the variables that complete the task. */
        public FieldTaskForm<R> completes(Function<Submission<R>, Map<String, Object>> completion) {
            return new FieldTaskForm<>(this, completion);
        }
    }

    /**
     * A form as it was sent: the task's record, the fields it was read with, the values read from them
     * (trimmed, null where empty or wrong) and the means to refuse one, naming its field, before
     * anything is written.
     */
    public record Submission<R>(R record, TaskView task, Viewer viewer, List<FormField> fields, Map<String, String> values,
                                FormData data) {

        public String get(String field) {
            return values.get(field);
        }

        /** Whether the field holds this code ({@code yes}, {@code given}); false when it is empty. */
        public boolean is(String field, String code) {
            return code.equals(values.get(field));
        }

        public LocalDate day(String field) {
            return values.get(field) == null ? null : LocalDate.parse(values.get(field));
        }

        /** The label the form shows for a field (the name where the form has no such field). */
        public String label(String field) {
            return fields.stream().filter(f -> f.name().equals(field)).map(FormField::label).findFirst().orElse(field);
        }

        public void reject(String field, String message) {
            data.reject(field, message);
        }

        /** An optional field this answer makes needed; said once, and not over a problem the field already has. */
        public void requireWhen(boolean condition, String field, String message) {
            if (condition && values.get(field) == null && !data.errors().containsKey(field)) {
                data.reject(field, message);
            }
        }

        /** A date field after today is refused, named by its label: what is recorded has happened. */
        public void refuseDatesAfter(LocalDate today) {
            for (FormField f : fields) {
                if (f.type().equals("date") && values.get(f.name()) != null && day(f.name()).isAfter(today)) {
                    data.reject(f.name(), f.label() + " cannot be in the future.");
                }
            }
        }
    }
}
