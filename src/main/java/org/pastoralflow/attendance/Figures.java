package org.pastoralflow.attendance;

/** Sessions possible and attended so far this school year, and the percentage they make. */
public record Figures(int possible, int attended) {

    public double percent() {
        return possible == 0 ? 100.0 : 100.0 * attended / possible;
    }

    public String describe() {
        return String.format("%.1f %% (%d of %d sessions)", percent(), attended, possible);
    }
}
