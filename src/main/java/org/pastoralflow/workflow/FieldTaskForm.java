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
 * @param <R> the workflow's record
 */
public final class FieldTaskForm<R> implements TaskForm {

    private final FormSet<R> set;
    private final String key;
    private final String title;
    private final List<FormField> fields;
    private final Consumer<Submission<R>> rules;
    private final BiFunction<R, TaskView, String> intro;
    private final Function<Submission<R>, Map<String, Object>> completion;

    private FieldTaskForm(Draft<R> draft, Function<Submission<R>, Map<String, Object>> completion) {
        this.set = draft.set;
        this.key = draft.key;
        this.title = draft.title;
        this.fields = draft.fields;
        this.rules = draft.rules;
        this.intro = draft.intro;
        this.completion = completion;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String view() {
        return set.view();
    }

    public List<FormField> fields() {
        return fields;
    }

    @Override
    public Map<String, Object> model(TaskView task, Viewer viewer) {
        R record = set.record().apply(task);
        Map<String, Object> model = new HashMap<>(set.page().of(record, task, viewer));
        model.put("formTitle", title);
        model.put("fields", fields);
        String sentence = intro.apply(record, task);
        if (sentence != null) {
            model.put("intro", sentence);
        }
        if (set.defaults() != null) {
            model.put("defaults", set.defaults().of(record, fields));
        }
        return model;
    }

    @Override
    public Map<String, Object> complete(TaskView task, FormData data, Viewer viewer) {
        R record = set.record().apply(task);
        Submission<R> submission = new Submission<>(record, task, viewer, fields, FormField.readAll(data, fields), data);
        set.rules().accept(submission);
        rules.accept(submission);
        data.throwIfInvalid();
        return completion.apply(submission);
    }

    /** A form being declared: rules and an intro may be added before its completion makes it a form. */
    public static final class Draft<R> {
        private final FormSet<R> set;
        private final String key;
        private final String title;
        private final List<FormField> fields;
        private final Consumer<Submission<R>> rules;
        private final BiFunction<R, TaskView, String> intro;

        Draft(FormSet<R> set, String key, String title, List<FormField> fields, Consumer<Submission<R>> rules,
              BiFunction<R, TaskView, String> intro) {
            this.set = set;
            this.key = key;
            this.title = title;
            this.fields = fields;
            this.rules = rules;
            this.intro = intro;
        }

        /** A rule between this form's fields, checked before anything is written. */
        public Draft<R> withRule(Consumer<Submission<R>> rule) {
            return new Draft<>(set, key, title, fields, rules.andThen(rule), intro);
        }

        /** A sentence above the form: what this step is for, or with whom (null for none). */
        public Draft<R> withIntro(BiFunction<R, TaskView, String> sentence) {
            return new Draft<>(set, key, title, fields, rules, sentence);
        }

        /** The write, given values that passed every check; returns the variables that complete the task. */
        public FieldTaskForm<R> completes(Function<Submission<R>, Map<String, Object>> completion) {
            return new FieldTaskForm<>(this, completion);
        }
    }

    /**
     * A form as it was sent: the task's record, the values read from the fields (trimmed, null where
     * empty or wrong) and the means to refuse one, naming its field, before anything is written.
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
