package org.pastoralflow.intervention;

import org.pastoralflow.measure.Scale;
import java.util.Collection;

/**
 * The impact of a group or of an intervention over a year: of the members with an entry and an exit
 * score, how many improved, stayed the same or got worse (by the scale's direction) and the mean change
 * (exit − entry, as the scale counts it); and beside it attendance at sessions (present out of present
 * and absent; sessions after a member withdrew do not count).
 */
public record ImpactFigures(int members, int scored, int improved, int same, int worse, Double meanChange, int present, int marked) {

    public static final ImpactFigures NONE = new ImpactFigures(0, 0, 0, 0, 0, null, 0, 0);

    /** One member: their scores and their marks (present, absent). */
    public static ImpactFigures of(Scale scale, GroupMember m, int present, int absent) {
        if (m.getEntryScore() == null || m.getExitScore() == null) {
            return new ImpactFigures(1, 0, 0, 0, 0, null, present, present + absent);
        }
        Scale.Change c = scale.change(m.getEntryScore(), m.getExitScore());
        int d = c.direction();
        return new ImpactFigures(1, 1, d > 0 ? 1 : 0, d == 0 ? 1 : 0, d < 0 ? 1 : 0, (double) c.difference(), present, present + absent);
    }

    public static ImpactFigures sum(Collection<ImpactFigures> parts) {
        int members = 0;
        int scored = 0;
        int improved = 0;
        int same = 0;
        int worse = 0;
        double changes = 0;
        int present = 0;
        int marked = 0;
        for (ImpactFigures f : parts) {
            members += f.members;
            scored += f.scored;
            improved += f.improved;
            same += f.same;
            worse += f.worse;
            changes += f.meanChange == null ? 0 : f.meanChange * f.scored;
            present += f.present;
            marked += f.marked;
        }
        return new ImpactFigures(members, scored, improved, same, worse, scored == 0 ? null : changes / scored, present, marked);
    }

    /** Attendance at sessions in whole per cent, or null with no marks. */
    public Integer attendancePercent() {
        return marked == 0 ? null : (int) Math.round(100.0 * present / marked);
    }

    public Integer share(int count) {
        return scored == 0 ? null : (int) Math.round(100.0 * count / scored);
    }

    /** The mean change to one decimal place, or null with nobody scored. */
    public Double roundedMeanChange() {
        return meanChange == null ? null : Math.round(meanChange * 10) / 10.0;
    }
}
