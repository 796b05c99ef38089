package org.pastoralflow.reporting;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

import org.pastoralflow.security.Viewer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Students in each attendance band over the period, from the weekly MIS figures: possible and
 * attended sessions of the weeks that start in the period, added up per student, then banded.
 */
@Component
class AttendanceDashboard implements Dashboard {

    /** Attendance bands as schools report them (DfE: 90 % and 50 % are the persistent and severe lines). */
    static final List<String> BANDS = List.of("95 % and over", "90 % to 95 %", "50 % to 90 %", "under 50 %");

    private final NamedParameterJdbcTemplate jdbc;

    AttendanceDashboard(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "attendance";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Table table(DashboardFilter filter, Viewer viewer) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("first", Date.valueOf(filter.firstDay())).addValue("last", Date.valueOf(filter.lastDay()));
        // no possible sessions counts as full attendance, as on the student page
        String sql = """
                select band, count(*) from (
                  select case when sum(w.possible_sessions) = 0 then 0
                              when 100.0 * sum(w.attended_sessions) / sum(w.possible_sessions) >= 95 then 0
                              when 100.0 * sum(w.attended_sessions) / sum(w.possible_sessions) >= 90 then 1
                              when 100.0 * sum(w.attended_sessions) / sum(w.possible_sessions) >= 50 then 2
                              else 3 end as band
                  from attendance_week w join student s on s.id = w.student_id
                  where w.week_commencing >= :first and w.week_commencing <= :last""" + filter.students("s", params) + """
                  group by w.student_id) banded
                group by band""";
        long[] counts = new long[BANDS.size()];
        jdbc.query(sql, params, rs -> {
            counts[rs.getInt(1)] = rs.getLong(2);
        });
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < BANDS.size(); i++) {
            rows.add(List.of(BANDS.get(i), counts[i]));
        }
        return new Table(name(), "Students by attendance, " + filter.periodName(), List.of("Attendance", "Students"), rows)
                .withNote("Weeks starting in the period, as imported from the MIS. Students with no weeks imported are not counted.");
    }

    static int band(double percent) {
        if (percent >= 95) {
            return 0;
        }
        if (percent >= 90) {
            return 1;
        }
        return percent >= 50 ? 2 : 3;
    }
}
