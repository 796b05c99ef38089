package org.pastoralflow.measure;

import org.pastoralflow.forms.FormData;

/**
 * A measure a support plan or an intervention scores on: whole numbers from {@code min} to {@code max};
 * for some (SDQ) a lower score is better. Plans and groups read a score and its change here, so the two
 * count "improved" the same way.
 */
public record Scale(String code, String name, int min, int max, boolean higherIsBetter) {

    public Scale {
        if (code == null || !code.matches("[a-z0-9-]{1,40}") || name == null || name.isBlank() || max <= min) {
            throw new IllegalStateException("pastoral.interventions.scales: each needs a code (a-z, 0-9, -), a name and min < max: "
                    + code);
        }
    }

    /** +1 improved, 0 the same, -1 worse, by the scale's direction. */
    public int direction(int entry, int exit) {
        int sign = Integer.signum(exit - entry);
        return higherIsBetter ? sign : -sign;
    }

    /** The change from a first to a last score; null while there is no last score. */
    public Change change(int entry, Integer exit) {
        return exit == null ? null : new Change(entry, exit, exit - entry, direction(entry, exit));
    }

    public String describe() {
        return name + " (" + min + "–" + max + ", " + (higherIsBetter ? "higher" : "lower") + " is better)";
    }

    /** A score on this scale from a form field; one off the scale is an error on the field, naming the scale. */
    public Integer score(FormData data, String field, String label, boolean required) {
        return data.integer(field, label + " (" + describe() + ")", min, max, required);
    }

    /** A change on a scale: exit − entry as the scale counts, and +1 improved, 0 the same, −1 worse. */
    public record Change(int entry, int exit, int difference, int direction) {

        public String word() {
            return direction > 0 ? "improved" : direction == 0 ? "the same" : "worse";
        }

        public String signed() {
            return (difference > 0 ? "+" : "") + difference;
        }
    }
}
