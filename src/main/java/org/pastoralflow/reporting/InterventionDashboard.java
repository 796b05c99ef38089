package org.pastoralflow.reporting;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.supportplan.Interventions;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Support plans by intervention: how many were running in the period, how many closed in it, and
 * for those the average baseline and end measure (0–100, on the measure the plan named). A plan
 * with two interventions counts under each. Only plans the viewer may read (SEN plans for the
 * SENCO, DSL, Pastoral Lead and Heads of Year).
 */
@Component
class InterventionDashboard implements Dashboard {

    private final NamedParameterJdbcTemplate jdbc;

    private final Visibility visibility;

    InterventionDashboard(NamedParameterJdbcTemplate jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @Override
    public String name() {
        return "interventions";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Table table(DashboardFilter filter, Viewer viewer) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("first", Date.valueOf(filter.firstDay())).addValue("last", Date.valueOf(filter.lastDay()));
        String closedInPeriod = "p.closed_on is not null and p.closed_on <= :last and p.end_score is not null";
        String sql = "select p.interventions, count(*), "
                + "sum(case when " + closedInPeriod + " then 1 else 0 end), "
                + "sum(case when " + closedInPeriod + " then p.baseline_score else 0 end), "
                + "sum(case when " + closedInPeriod + " then p.end_score else 0 end) "
                + "from support_plan p join student s on s.id = p.student_id "
                + "where p.started_on <= :last and (p.closed_on is null or p.closed_on >= :first)"
                + visibility.and(viewer, Visibility.PLANS, params)
                + filter.students("s", params) + " group by p.interventions";
        Map<String, long[]> byIntervention = new LinkedHashMap<>();
        Interventions.OPTIONS.keySet().forEach(code -> byIntervention.put(code, new long[4]));
        jdbc.query(sql, params, rs -> {
            String combination = rs.getString(1);
            for (String code : combination == null || combination.isBlank() ? new String[] {"other"} : combination.split(",")) {
                long[] sums = byIntervention.computeIfAbsent(code, k -> new long[4]);
                sums[0] += rs.getLong(2);
                sums[1] += rs.getLong(3);
                sums[2] += rs.getLong(4);
                sums[3] += rs.getLong(5);
            }
        });
        List<List<Object>> rows = new ArrayList<>();
        byIntervention.forEach((code, s) -> rows.add(List.of(Interventions.label(code), s[0], s[1],
                average(s[2], s[1]), average(s[3], s[1]))));
        return new Table(name(), "Interventions: baseline and end measure, " + filter.periodName(),
                List.of("Intervention", "Plans running", "Closed with an end measure", "Average baseline", "Average end measure"), rows)
                .charting("Average baseline", "Average end measure")
                .withNote("Plans running at any time in the period; averages over the plans closed in it. Measures are scores of 0–100 "
                        + "on the measure each plan named (for some, such as SDQ, lower is better). "
                        + (Visibility.levels(viewer).contains(Confidentiality.SEND) ? "Includes SEN support plans." : "SEN support plans are not counted here."));
    }

    /** One decimal place; a dash-free 0 would read as a score, so no plans gives an empty cell. */
    static Object average(long sum, long count) {
        return count == 0 ? "" : Math.round(10.0 * sum / count) / 10.0;
    }
}
