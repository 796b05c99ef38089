package org.pastoralflow.settings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.settings.Setting.Column;
import org.pastoralflow.settings.Setting.Kind;

/**
 * Reads the settings page: each setting the person may change, checked against the catalogue (range,
 * whole number, each code once, a code in use kept), into the values to save. A setting sent that
 * the person may not change, with a value other than the one in force, is refused by name. A setting
 * not sent at all is left as it is. Every error is collected before anything is saved.
 */
class SettingsForm {

    /** Rows and lines past this many are not read: no list of the catalogue comes near it. */
    static final int MOST_ROWS = 100;

    private final FormData data;
    private final Viewer viewer;
    private final Map<String, Object> current;
    private final List<CodesInUse> codesInUse;
    private final Set<String> forbidden = new HashSet<>();

    SettingsForm(FormData data, Viewer viewer, Map<String, Object> current, List<CodesInUse> codesInUse) {
        this.data = data;
        this.viewer = viewer;
        this.current = current;
        this.codesInUse = codesInUse;
    }

    boolean forbidden() {
        return !forbidden.isEmpty();
    }

    /** The values after this save: the ones in force, with what was sent in their place. */
    Map<String, Object> read() {
        Map<String, Object> values = new LinkedHashMap<>(current);
        for (Setting s : SettingsCatalogue.all()) {
            if (!sent(s)) {
                continue;
            }
            Object v = switch (s.kind()) {
                case WHOLE, DECIMAL -> number(s);
                case TEXT_LIST -> lines(s);
                case ROWS -> rows(s);
            };
            if (v == null) {
                continue;
            }
            if (!s.guard().mayChange(viewer)) {
                if (!same(s, v, current.get(s.key()))) {
                    forbidden.add(s.field());
                    data.errors().remove(s.field());
                    data.reject(s.field(), s.label() + ": " + s.guard().who());
                }
                continue;
            }
            values.put(s.key(), v);
        }
        return values;
    }

    private boolean sent(Setting s) {
        if (!s.isList()) {
            return data.values().containsKey(s.field());
        }
        return data.values().keySet().stream().anyMatch(k -> k.startsWith(s.field() + "."));
    }

    private String number(Setting s) {
        String label = s.label();
        if (s.kind() == Kind.WHOLE) {
            Integer n = data.integer(s.field(), label, s.min().intValueExact(), s.max().intValueExact(), true);
            return n == null ? null : n.toString();
        }
        String v = data.text(s.field(), label, 20, true);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v.replace('%', ' ').trim());
            if (d.compareTo(s.min()) < 0 || d.compareTo(s.max()) > 0 || d.scale() > 2) {
                data.reject(s.field(), label + " must be between " + s.min().toPlainString() + " and " + s.max().toPlainString()
                        + ", with at most 2 decimal places.");
                return null;
            }
            return d.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            data.reject(s.field(), label + " must be a number, like 10 or 12.5.");
            return null;
        }
    }

    private List<String> lines(Setting s) {
        List<String> lines = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (int i = 0; i < MOST_ROWS && data.values().containsKey(s.field() + "." + i); i++) {
            String field = s.field() + "." + i;
            String v = data.text(field, s.label() + ", line " + (i + 1), Setting.LONGEST_TEXT, false);
            if (v == null) {
                continue;
            }
            String before = seen.putIfAbsent(v.toLowerCase(), field);
            if (before != null) {
                data.reject(field, s.label() + ", line " + (i + 1) + ": \"" + v + "\" is in the list already.");
            }
            lines.add(v);
        }
        if (lines.isEmpty() && !data.errors().keySet().stream().anyMatch(k -> k.startsWith(s.field() + "."))) {
            data.reject(s.field() + ".0", s.label() + ": at least one is needed.");
        }
        return data.errors().keySet().stream().anyMatch(k -> k.startsWith(s.field() + ".")) ? null : lines;
    }

    private List<Map<String, String>> rows(Setting s) {
        List<Map<String, String>> rows = new ArrayList<>();
        Map<String, String> codes = new LinkedHashMap<>();
        Column code = s.columns().get(0);
        for (int i = 0; i < MOST_ROWS && rowSent(s, i); i++) {
            String prefix = s.field() + "." + i + ".";
            String where = s.label() + ", row " + (i + 1) + ": ";
            if (s.columns().stream().allMatch(c -> data.values().getOrDefault(prefix + c.name(), "").isBlank())) {
                continue; // a row left empty: taken out, or a spare row not used
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (Column c : s.columns()) {
                String field = prefix + c.name();
                String label = where + c.label();
                String v;
                if (c.kind() == Kind.WHOLE) {
                    Integer n = data.integer(field, label, c.min(), c.max(), c.required());
                    if (n != null && n == 0 && c.nonZero()) {
                        data.reject(field, label + " must not be 0 (negative for behaviour, positive for achievement).");
                    }
                    v = n == null ? null : n.toString();
                } else if (!c.choices().isEmpty()) {
                    v = data.text(field, label, c.maxLength(), c.required());
                    if (v != null && !c.choices().contains(v)) {
                        data.reject(field, label + " must be one of: " + String.join(", ", c.choices()) + ".");
                    }
                } else {
                    v = data.text(field, label, c.maxLength(), c.required());
                }
                if (v != null) {
                    row.put(c.name(), v);
                }
            }
            String rowCode = row.get(code.name());
            if (rowCode != null) {
                String field = prefix + code.name();
                if (!rowCode.matches("[a-z0-9-]{1,40}")) {
                    data.reject(field, where + "the code may hold only small letters, digits and -, like no-homework.");
                } else if (codes.putIfAbsent(rowCode, field) != null) {
                    data.reject(field, where + "the code " + rowCode + " is in the list already: each code once.");
                }
            }
            rows.add(row);
        }
        if (hasErrors(s)) {
            return null;
        }
        if (rows.isEmpty()) {
            data.reject(s.field(), s.label() + ": at least one row is needed.");
            return null;
        }
        keepCodesInUse(s, codes.keySet());
        return hasErrors(s) ? null : rows;
    }

    private boolean rowSent(Setting s, int i) {
        return s.columns().stream().anyMatch(c -> data.values().containsKey(s.field() + "." + i + "." + c.name()));
    }

    private boolean hasErrors(Setting s) {
        return data.errors().keySet().stream().anyMatch(k -> k.equals(s.field()) || k.startsWith(s.field() + "."));
    }

    /** A code records use may not go: they would lose their label. Its label and points can change. */
    @SuppressWarnings("unchecked")
    private void keepCodesInUse(Setting s, Set<String> kept) {
        Set<String> removed = new java.util.LinkedHashSet<>();
        for (Object row : (List<Object>) current.getOrDefault(s.key(), List.of())) {
            String c = ((Map<String, String>) row).get(s.columns().get(0).name());
            if (c != null && !kept.contains(c)) {
                removed.add(c);
            }
        }
        if (removed.isEmpty()) {
            return;
        }
        for (CodesInUse uses : codesInUse) {
            if (uses.setting().equals(s.key())) {
                uses.inUse(removed).forEach((c, n) -> data.reject(s.field(), s.label() + ": " + c + " is used by " + n
                        + (n == 1 ? " record" : " records") + ", so it cannot be taken out; change its label instead."));
            }
        }
    }

    /** Whether two values of a setting are the same (12.0 and 12 are). */
    static boolean same(Setting s, Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (s.kind() == Kind.WHOLE || s.kind() == Kind.DECIMAL) {
            try {
                return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
            } catch (NumberFormatException e) {
                return Objects.equals(a, b);
            }
        }
        return Objects.equals(a, b);
    }
}
