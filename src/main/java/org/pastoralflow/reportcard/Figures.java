package org.pastoralflow.reportcard;

/**
 * A stretch of a card in numbers: lessons that have happened, lessons with every target scored,
 * scores given and how many of them "met", so the percentage of targets met counts only what was
 * scored (null when nothing was), and the lessons nobody scored are a figure of their own.
 */
public record Figures(int lessons, int lessonsScored, int scores, int met) {

    public int lessonsUnscored() {
        return lessons - lessonsScored;
    }

    public Integer percentMet() {
        return scores == 0 ? null : Math.round(100f * met / scores);
    }

    /** "72 % of targets met (36 of 50 scores); 2 of 25 lessons unscored". */
    public String inWords() {
        return (scores == 0 ? "No scores yet" : percentMet() + " % of targets met (" + met + " of " + scores + " scores)")
                + "; " + lessonsUnscored() + " of " + lessons + " lessons unscored";
    }
}
