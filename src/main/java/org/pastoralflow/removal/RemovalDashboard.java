package org.pastoralflow.removal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.pastoralflow.reporting.Dashboard;
import org.pastoralflow.reporting.DashboardFilter;
import org.pastoralflow.reporting.Table;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.AccessPolicy.RecordSql;
import org.pastoralflow.security.Viewer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * "Removals by group": the analysis DfE "Behaviour in schools" (2024) asks of removal data, by pupil
 * characteristics. For the period and students filtered, the removals the viewer may read and the
 * students they are about, by year group, SEN (K or E against none), FSM and looked-after. The SQL
 * counts per student (the access policy and the filter in it); the groups are added up from those
 * counts, so no row is read and then dropped. Ethnicity is not imported by the student import, so
 * there is no ethnicity row: the note says so.
 */
@Component
class RemovalDashboard implements Dashboard {

    static final String NAME = "removals-groups";
    static final List<String> COLUMNS = List.of("Group", "Removals", "Students removed");
    static final RecordSql REMOVALS = RecordSql.single(Removal.RECORD_TYPE, "r.id", "r.confidentiality", "r.student_id");

    private final NamedParameterJdbcTemplate jdbc;
    private final AccessPolicy policy;

    RemovalDashboard(NamedParameterJdbcTemplate jdbc, AccessPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 65;
    }

    private record Counts(long removals, long students) {
        Counts plus(long n) {
            return new Counts(removals + n, students + 1);
        }
    }

    @Override
    public Table table(DashboardFilter filter, Viewer viewer) {
        MapSqlParameterSource params = new MapSqlParameterSource("from", Timestamp.from(filter.from()))
                .addValue("until", Timestamp.from(filter.until()));
        AccessPolicy.SqlFilter visible = policy.sql(viewer, REMOVALS);
        params.addValues(visible.parameters());
        String sql = "select s.year_group, s.sen_status, s.fsm, s.in_care, count(*) from removal r join student s on s.id = r.student_id"
                + " where r.removed_at >= :from and r.removed_at < :until and " + visible.condition() + filter.students("s", params)
                + " group by r.student_id, s.year_group, s.sen_status, s.fsm, s.in_care";
        Map<Integer, Counts> byYear = new TreeMap<>();
        Counts[] flags = new Counts[7];
        java.util.Arrays.fill(flags, new Counts(0, 0));
        jdbc.query(sql, params, rs -> {
            long n = rs.getLong(5);
            byYear.merge(rs.getInt(1), new Counts(n, 1), (a, b) -> new Counts(a.removals() + b.removals(), a.students() + b.students()));
            boolean sen = rs.getString(2) != null && !"N".equals(rs.getString(2));
            flags[sen ? 0 : 1] = flags[sen ? 0 : 1].plus(n);
            flags[rs.getBoolean(3) ? 2 : 3] = flags[rs.getBoolean(3) ? 2 : 3].plus(n);
            flags[rs.getBoolean(4) ? 4 : 5] = flags[rs.getBoolean(4) ? 4 : 5].plus(n);
            flags[6] = flags[6].plus(n);
        });
        List<List<Object>> rows = new ArrayList<>();
        byYear.forEach((year, c) -> rows.add(List.of("Year " + year, c.removals(), c.students())));
        List<String> labels = List.of("SEN support or EHCP (K or E)", "No SEN", "Free school meals", "Not FSM", "Looked after",
                "Not looked after", "All students");
        for (int i = 0; i < labels.size(); i++) {
            rows.add(List.of(labels.get(i), flags[i].removals(), flags[i].students()));
        }
        return new Table(name(), "Removals from lessons by group, " + filter.periodName(), COLUMNS, rows)
                .charting("Removals", "Students removed")
                .withNote("Removals recorded in the period that you may read, by the student's year group and flags as imported from "
                        + "the MIS today (DfE, Behaviour in schools, 2024: analyse removal data by pupil characteristics). "
                        + "Ethnicity is not shown: the student import does not carry it.");
    }
}
