package org.pastoralflow.behaviour;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.pastoralflow.reporting.Dashboard;
import org.pastoralflow.reporting.DashboardFilter;
import org.pastoralflow.reporting.ReportingSettings;
import org.pastoralflow.reporting.Table;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.AccessPolicy.RecordSql;
import org.pastoralflow.security.Viewer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Behaviour and achievement on the dashboards: logs and points by tutor group and by year group,
 * over the filter's period and students, counting only logs the viewer may read (the access policy's
 * SQL). Small numbers: a group in which fewer students were logged than the governors' smallest count
 * ({@code pastoral.dashboards.governors-smallest-count}) is not shown on its own but added into one
 * row, so a group's figures never stand for one or two named children.
 */
@Component
class BehaviourDashboards {

    static final RecordSql LOGS = RecordSql.single(BehaviourProcess.SOURCE_LOG, "b.id", "b.confidentiality", "b.student_id");
    static final List<String> COLUMNS = List.of("Group", "Behaviour logs", "Behaviour points", "Achievement logs", "Achievement points",
            "Students");

    private final NamedParameterJdbcTemplate jdbc;
    private final AccessPolicy policy;
    /** Read at each table: the school may change the smallest count on the settings page while the application runs. */
    private final ReportingSettings reporting;

    BehaviourDashboards(NamedParameterJdbcTemplate jdbc, AccessPolicy policy, ReportingSettings reporting) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.reporting = reporting;
    }

    Table byTutorGroup(DashboardFilter filter, Viewer viewer) {
        return table("behaviour-tutor-group", "Behaviour and achievement by tutor group, " + filter.periodName(),
                "coalesce(s.reg_group, 'No tutor group')", "Other tutor groups", filter, viewer);
    }

    Table byYearGroup(DashboardFilter filter, Viewer viewer) {
        return table("behaviour-year", "Behaviour and achievement by year group, " + filter.periodName(),
                "'Year ' || cast(s.year_group as varchar(2))", "Other year groups", filter, viewer);
    }

    private Table table(String name, String title, String groupExpr, String othersLabel, DashboardFilter filter, Viewer viewer) {
        int smallest = reporting.governorsSmallestCount();
        MapSqlParameterSource params = new MapSqlParameterSource("from", Timestamp.from(filter.from()))
                .addValue("until", Timestamp.from(filter.until()));
        AccessPolicy.SqlFilter visible = policy.sql(viewer, LOGS);
        params.addValues(visible.parameters());
        String sql = "select " + groupExpr + " as grp, sum(case when b.points < 0 then 1 else 0 end),"
                + " -sum(case when b.points < 0 then b.points else 0 end), sum(case when b.points > 0 then 1 else 0 end),"
                + " sum(case when b.points > 0 then b.points else 0 end), count(distinct b.student_id), min(s.year_group)"
                + " from behaviour_log b join student s on s.id = b.student_id"
                + " where b.occurred_at >= :from and b.occurred_at < :until and " + visible.condition()
                + filter.students("s", params) + " group by " + groupExpr + " order by min(s.year_group), grp";
        List<List<Object>> rows = new ArrayList<>();
        long[] others = new long[5];
        int[] merged = {0};
        jdbc.query(sql, params, rs -> {
            long students = rs.getLong(6);
            if (students < smallest) {
                for (int i = 0; i < 4; i++) {
                    others[i] += rs.getLong(i + 2);
                }
                others[4] += students;
                merged[0]++;
            } else {
                rows.add(List.of(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), students));
            }
        });
        if (merged[0] > 0) {
            rows.add(List.of(othersLabel + " (" + merged[0] + ", each with fewer than " + smallest + " students logged)",
                    others[0], others[1], others[2], others[3], others[4]));
        }
        return new Table(name, title, COLUMNS, rows)
                .charting("Behaviour points", "Achievement points")
                .withNote("Points as the categories carried them when logged; behaviour points shown as a positive number. "
                        + "Groups with fewer than " + smallest + " students logged are added together in one row.");
    }

    @Configuration
    static class Charts {
        @Bean
        Dashboard behaviourByTutorGroup(BehaviourDashboards behaviour) {
            return Dashboard.of("behaviour-tutor-group", 40, behaviour::byTutorGroup);
        }

        @Bean
        Dashboard behaviourByYearGroup(BehaviourDashboards behaviour) {
            return Dashboard.of("behaviour-year", 41, behaviour::byYearGroup);
        }
    }
}
