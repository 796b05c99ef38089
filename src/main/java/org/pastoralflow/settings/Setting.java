package org.pastoralflow.settings;

import java.math.BigDecimal;
import java.util.List;

import org.pastoralflow.security.Group;
import org.pastoralflow.security.Viewer;

/**
 * One setting a school changes on the settings page: its property under {@code pastoral.} (the
 * default stays in application.yml), its words, the kind of value, the range or the columns, who may
 * change it, and a help line. Declared in {@link SettingsCatalogue}; nothing else describes one.
 */
public record Setting(String key, String section, String label, Kind kind, BigDecimal min, BigDecimal max, String unit,
                      Guard guard, String help, List<Column> columns) {

    public enum Kind {
        /** A whole number from min to max. */
        WHOLE,
        /** A number with decimals (a percentage) from min to max. */
        DECIMAL,
        /** A list of lines of text, in order (removal reasons). */
        TEXT_LIST,
        /** A list of rows with named columns (behaviour categories); the first column is the row's code. */
        ROWS
    }

    /**
     * Who may change a setting. Safeguarding settings govern the DSL's own work (how soon a concern is
     * reviewed, a CP file's receipt chased): only the DSL group changes them. The others are the
     * Pastoral Lead's, and the administrators' (who run the system: a setting is no case content).
     */
    public enum Guard {
        SAFEGUARDING("Only the DSL changes this: it governs safeguarding work.", Group.DSL),
        SCHOOL("The Pastoral Lead or an administrator changes this.", Group.PASTORAL_LEAD, Group.ADMIN);

        private final String who;
        private final Group[] groups;

        Guard(String who, Group... groups) {
            this.who = who;
            this.groups = groups;
        }

        public boolean mayChange(Viewer viewer) {
            return viewer.inAny(groups);
        }

        public String who() {
            return who;
        }

        /** Who may open the settings page at all: everyone who changes any of them. */
        public static boolean mayView(Viewer viewer) {
            return SAFEGUARDING.mayChange(viewer) || SCHOOL.mayChange(viewer);
        }
    }

    /**
     * A column of a {@link Kind#ROWS} setting. The code column (the first) is a short code kept in
     * records, unique in the list; a WHOLE column may refuse 0; a column with choices takes one of them.
     */
    public record Column(String name, String label, Kind kind, int min, int max, int maxLength, boolean required, boolean nonZero,
                         List<String> choices) {
    }

    public static final int LONGEST_TEXT = 120;

    /** The form's field for this setting: its key (a deadline's is {@code deadlines.referral.dsl-review}). */
    public String field() {
        return key;
    }

    public String property() {
        return "pastoral." + key;
    }

    public boolean isList() {
        return kind == Kind.TEXT_LIST || kind == Kind.ROWS;
    }

    /** "0 to 60 school days" */
    public String range() {
        if (isList()) {
            return kind == Kind.ROWS ? "one row each; a row left empty is taken out" : "one a line; a line left empty is taken out";
        }
        return min.toPlainString() + " to " + max.toPlainString() + (unit == null ? "" : " " + unit);
    }
}
