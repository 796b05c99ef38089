package org.pastoralflow.letters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pastoralflow.forms.FormData;

/**
 * The merge fields a letter template may use, and the only way a template's text becomes a letter
 * (docs/adr/0028-letters-from-merge-field-templates.md). A template is plain text with
 * {@code {{student.firstName}}} fields from {@link #FIELDS}; nothing in it is ever evaluated. On save,
 * any field not in the list and anything a template engine would read as an expression or attribute
 * ({@code ${…}}, {@code *{…}}, {@code #{…}}, {@code @{…}}, {@code ~{…}}, {@code __…__}, {@code th:},
 * {@code [[…]]}, {@code [(…)]}) is refused with the offending text named: not because this class would
 * run it (it would not) but so that no text that looks runnable is kept where a later change might
 * hand it to an engine. A letter is made by putting computed values in place of the fields as plain
 * text; where it becomes HTML (the preview, the PDF) a fixed Thymeleaf template escapes it whole.
 */
public final class MergeFields {

    /** A field: what to type, what it becomes. */
    public record Field(String key, String meaning) {

        public String placeholder() {
            return "{{" + key + "}}";
        }
    }

    public static final List<Field> FIELDS = List.of(
            new Field("student.firstName", "The student's first name (the preferred one if the MIS has it)"),
            new Field("student.lastName", "The student's surname"),
            new Field("student.fullName", "First name and surname"),
            new Field("student.yearGroup", "Year 9"),
            new Field("student.tutorGroup", "The registration group, 9R"),
            new Field("contact.name", "The parent or carer written to, Jo Smith"),
            new Field("contact.relationship", "Mother, Father, Carer …, as the MIS has it"),
            new Field("contact.address", "Their postal address on one line (empty when it is withheld)"),
            new Field("school.name", "The school's name (pastoral.school-name)"),
            new Field("today", "The day it is sent, 3 December 2026"),
            new Field("sender.name", "The member of staff who sends it"),
            new Field("letter.note", "The paragraph typed when sending (a meeting's date and place, say); empty if none"),
            new Field("attendance.percentage", "The student's attendance this school year so far, 91.5%"));

    static final Map<String, Field> BY_KEY = new LinkedHashMap<>();

    static {
        FIELDS.forEach(f -> BY_KEY.put(f.key(), f));
    }

    /** {{ name }}, spaces allowed inside the braces. */
    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    /** What a template engine would read as an expression, a link, a fragment, a message, preprocessing or an attribute. */
    private static final Pattern LOOKS_RUNNABLE = Pattern.compile(
            // th: only as a word of its own, so "Month:" or "Fourth:" in a letter is fine
            "[$*#@~]\\{|__|\\bth:|\\bdata-th-|\\[\\[|\\[\\(|\\{\\{(?![^{}]*}})", Pattern.CASE_INSENSITIVE);

    private MergeFields() {
    }

    /**
     * Rejects the field of the form if its text has anything but known merge fields; names the first
     * offending piece of text. Returns whether it was clean.
     */
    public static boolean check(String text, String field, String label, FormData data) {
        if (text == null) {
            return true;
        }
        Matcher runnable = LOOKS_RUNNABLE.matcher(text);
        if (runnable.find()) {
            String bad = around(text, runnable.start());
            data.reject(field, label + ": \"" + bad + "\" is not allowed. A template is plain text with merge fields "
                    + "like {{student.firstName}}; expressions, links and th: attributes are refused"
                    + (bad.startsWith("__") ? " (for a line to sign on, use dots)." : "."));
            return false;
        }
        Matcher fields = FIELD.matcher(text);
        while (fields.find()) {
            if (!BY_KEY.containsKey(fields.group(1))) {
                data.reject(field, label + ": \"" + fields.group() + "\" is not a merge field. Use one of the list beside the form.");
                return false;
            }
        }
        return true;
    }

    /** The text with each field replaced by its value, as plain text (an unknown field is left as typed, never read). */
    public static String merge(String text, Map<String, String> values) {
        Matcher m = FIELD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = BY_KEY.containsKey(m.group(1)) ? values.getOrDefault(m.group(1), "") : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The fields a text uses, in order, without repeats. */
    public static List<String> used(String text) {
        Matcher m = FIELD.matcher(text);
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        while (m.find()) {
            keys.add(m.group(1));
        }
        return List.copyOf(keys);
    }

    private static String around(String text, int at) {
        int end = at;
        while (end < text.length() && end - at < 40 && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(at, end);
    }
}
