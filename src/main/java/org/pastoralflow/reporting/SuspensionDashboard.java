package org.pastoralflow.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.AccessPolicy.RecordSql;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.suspension.SuspensionDays;
import org.pastoralflow.suspension.SuspensionProcess;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * "Suspensions by group": suspensions starting in the period, their school days and the pupils
 * suspended, by year group, SEN, FSM and looked-after, as DfE "Suspension and permanent exclusion"
 * guidance asks schools and governors to look for groups over-represented. The days are
 * {@link SuspensionDays}' count (every suspension, whichever workflow recorded it), of the
 * suspensions the viewer may read and the students the filter keeps. Here rather than in
 * {@code suspension}, which the investigation uses and this package reads from.
 */
@Component
public class SuspensionDashboard implements Dashboard {

    public static final String NAME = "suspensions-groups";
    static final List<String> COLUMNS = List.of("Group", "Suspensions", "School days", "Pupils suspended");
    static final RecordSql SUSPENSIONS = RecordSql.single(SuspensionProcess.SOURCE_TYPE, "x.id", "x.confidentiality", "x.student_id");

    private final SuspensionDays days;
    private final AccessPolicy policy;

    SuspensionDashboard(SuspensionDays days, AccessPolicy policy) {
        this.days = days;
        this.policy = policy;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 66;
    }

    private record Counts(long suspensions, long days, long pupils) {
        Counts plus(SuspensionDays.PupilTotal p) {
            return new Counts(suspensions + p.suspensions(), days + p.days(), pupils + 1);
        }
    }

    @Override
    public Table table(DashboardFilter filter, Viewer viewer) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        AccessPolicy.SqlFilter visible = policy.sql(viewer, SUSPENSIONS);
        params.addValues(visible.parameters());
        String condition = visible.condition() + filter.students("s", params);
        Map<Integer, Counts> byYear = new TreeMap<>();
        Counts[] flags = new Counts[7];
        java.util.Arrays.fill(flags, new Counts(0, 0, 0));
        for (SuspensionDays.PupilTotal p : days.perPupil(filter.firstDay(), filter.lastDay(), condition, params)) {
            byYear.merge(p.yearGroup(), new Counts(0, 0, 0).plus(p),
                    (a, b) -> new Counts(a.suspensions() + b.suspensions(), a.days() + b.days(), a.pupils() + b.pupils()));
            boolean sen = p.senStatus() != null && !"N".equals(p.senStatus());
            flags[sen ? 0 : 1] = flags[sen ? 0 : 1].plus(p);
            flags[p.fsm() ? 2 : 3] = flags[p.fsm() ? 2 : 3].plus(p);
            flags[p.inCare() ? 4 : 5] = flags[p.inCare() ? 4 : 5].plus(p);
            flags[6] = flags[6].plus(p);
        }
        List<List<Object>> rows = new ArrayList<>();
        byYear.forEach((year, c) -> rows.add(List.of("Year " + year, c.suspensions(), c.days(), c.pupils())));
        List<String> labels = List.of("SEN support or EHCP (K or E)", "No SEN", "Free school meals", "Not FSM", "Looked after",
                "Not looked after", "All students");
        for (int i = 0; i < labels.size(); i++) {
            rows.add(List.of(labels.get(i), flags[i].suspensions(), flags[i].days(), flags[i].pupils()));
        }
        return new Table(name(), "Suspensions by group, " + filter.periodName(), COLUMNS, rows)
                .charting("School days", "Pupils suspended")
                .withNote("Suspensions starting in the period that you may read, whichever workflow recorded them, by the pupil's "
                        + "year group and flags as imported from the MIS today (DfE, Suspension and permanent exclusion from "
                        + "maintained schools, academies and pupil referral units in England, 2024: governing boards review "
                        + "the data for groups over-represented). Permanent exclusions are not counted here.");
    }
}
