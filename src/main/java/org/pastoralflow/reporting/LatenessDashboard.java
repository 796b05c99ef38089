package org.pastoralflow.reporting;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

import org.pastoralflow.security.Viewer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Late marks by year group over the period, from the weekly MIS figures: before registers closed
 * (code L, counted as present) and after (code U, counted as unauthorised absence), and how many
 * students were late at all. Like the attendance bands, figures every caseworker may read.
 */
@Component
class LatenessDashboard implements Dashboard {

    private final NamedParameterJdbcTemplate jdbc;

    LatenessDashboard(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "lateness";
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public Table table(DashboardFilter filter, Viewer viewer) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("first", Date.valueOf(filter.firstDay())).addValue("last", Date.valueOf(filter.lastDay()));
        String sql = """
                select s.year_group, sum(w.late_sessions), sum(w.late_after_close),
                       count(distinct case when w.late_sessions + w.late_after_close > 0 then w.student_id end)
                from attendance_week w join student s on s.id = w.student_id
                where w.week_commencing >= :first and w.week_commencing <= :last""" + filter.students("s", params)
                + " group by s.year_group order by s.year_group";
        List<List<Object>> rows = new ArrayList<>();
        jdbc.query(sql, params, rs -> {
            rows.add(List.of("Year " + rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        });
        return new Table(name(), "Late marks by year group, " + filter.periodName(),
                List.of("Year group", "Late before registers closed (L)", "Late after registers closed (U)", "Students late"), rows)
                .withNote("Weeks starting in the period, as imported from the MIS. A U mark also counts as unauthorised absence.");
    }
}
