package org.pastoralflow.subjectaccess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the names of other pupils in the text of one student's records, so the export shows
 * "another pupil" instead: information about someone else is withheld (Data Protection Act 2018,
 * Sch. 2 Part 3 para 16) without the DSL having to find every name by hand. A name is a full name
 * as the MIS has it: forename and surname, preferred forename and surname, or "surname, forename",
 * in any case. A first name alone cannot be told from an ordinary word; the DSL's review is for those.
 */
@Component
class PupilNames {

    static final String REPLACEMENT = "another pupil";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+(?:['\u2019-][\\p{L}\\p{M}]+)*");
    private static final Pattern BETWEEN_NAMES = Pattern.compile("[\\s,]+");

    /** Text with other pupils' names replaced, and how many were. */
    record Redacted(String text, int names) {
    }

    private final JdbcTemplate jdbc;

    PupilNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A redactor for one student's records: every other pupil's name, never their own. */
    Redactor otherThan(Long studentId) {
        Set<String> own = new HashSet<>();
        List<List<String>> others = new ArrayList<>();
        jdbc.query("select id, legal_forename, preferred_forename, legal_surname from student", rs -> {
            List<List<String>> forms = forms(rs.getString(2), rs.getString(3), rs.getString(4));
            if (rs.getLong(1) == studentId) {
                forms.forEach(f -> own.add(String.join(" ", f)));
            } else {
                others.addAll(forms);
            }
        });
        // a namesake of the student is never redacted: it would hide the student's own name
        return new Redactor(others.stream().filter(f -> !own.contains(String.join(" ", f))).toList());
    }

    private static List<List<String>> forms(String forename, String preferred, String surname) {
        List<List<String>> forms = new ArrayList<>();
        List<String> last = words(surname);
        for (String first : preferred == null || preferred.isBlank() || preferred.equals(forename)
                ? List.of(forename) : List.of(forename, preferred)) {
            List<String> given = words(first);
            if (given.isEmpty() || last.isEmpty()) {
                continue;
            }
            List<String> natural = new ArrayList<>(given);
            natural.addAll(last);
            List<String> register = new ArrayList<>(last);
            register.addAll(given);
            forms.add(natural);
            forms.add(register);
        }
        return forms;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text != null) {
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                words.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /** The names of a school, indexed by their first word, so a text is read once whatever the size of the roll. */
    static final class Redactor {

        private final Map<String, List<List<String>>> byFirstWord = new HashMap<>();

        Redactor(List<List<String>> names) {
            for (List<String> name : names) {
                byFirstWord.computeIfAbsent(name.get(0), k -> new ArrayList<>()).add(name);
            }
            // the longest name first: "Mary Jane Smith" before "Mary Jane"
            byFirstWord.values().forEach(l -> l.sort(Comparator.comparingInt((List<String> n) -> n.size()).reversed()));
        }

        Redacted redact(String text) {
            if (text == null || text.isEmpty()) {
                return new Redacted(text, 0);
            }
            List<int[]> spans = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                spans.add(new int[] {m.start(), m.end()});
                tokens.add(m.group().toLowerCase(Locale.ROOT));
            }
            StringBuilder out = new StringBuilder();
            int copied = 0;
            int found = 0;
            for (int i = 0; i < tokens.size(); i++) {
                int length = match(text, spans, tokens, i);
                if (length > 0) {
                    out.append(text, copied, spans.get(i)[0]).append(REPLACEMENT);
                    copied = spans.get(i + length - 1)[1];
                    found++;
                    i += length - 1;
                }
            }
            if (found == 0) {
                return new Redacted(text, 0);
            }
            out.append(text, copied, text.length());
            return new Redacted(out.toString(), found);
        }

        /** How many words from {@code i} make a pupil's name (0: none), the words apart only by spaces or a comma. */
        private int match(String text, List<int[]> spans, List<String> tokens, int i) {
            for (List<String> name : byFirstWord.getOrDefault(tokens.get(i), List.of())) {
                if (i + name.size() > tokens.size()) {
                    continue;
                }
                boolean same = true;
                for (int k = 1; k < name.size() && same; k++) {
                    same = name.get(k).equals(tokens.get(i + k))
                            && BETWEEN_NAMES.matcher(text.substring(spans.get(i + k - 1)[1], spans.get(i + k)[0])).matches();
                }
                if (same) {
                    return name.size();
                }
            }
            return 0;
        }
    }
}
