package org.pastoralflow.agencymeeting;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.reporting.Dashboard;
import org.pastoralflow.reporting.DashboardFilter;
import org.pastoralflow.reporting.Table;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.AccessPolicy.RecordSql;
import org.pastoralflow.security.Viewer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Multi-agency meetings on the dashboards: meetings held in the period and meetings whose day has
 * passed without being recorded, by kind; and the actions agreed, open and overdue, by whose they
 * are (school staff, or each other agency). Counted in SQL through the access policy: a series or
 * action the viewer may not read (a child protection core group, for anyone but the DSLs) is not
 * counted, so a kind's row shows only what the viewer may know exists.
 */
@Configuration
class AgencyMeetingDashboards {

    static final String BY_KIND = "agency-meetings";
    static final String BY_OWNER = "agency-actions";
    static final RecordSql SERIES = RecordSql.single(AgencyMeetingProcess.SOURCE_TYPE, "x.id", "x.confidentiality", "x.student_id");
    static final RecordSql ACTIONS = RecordSql.single(AgencyMeetingProcess.ACTION_SOURCE_TYPE, "a.id", "a.confidentiality",
            "a.student_id");
    static final String SCHOOL = "School staff";

    private final NamedParameterJdbcTemplate jdbc;
    private final AccessPolicy policy;
    private final AgencyMeetingSettings settings;
    private final java.time.Clock clock;

    AgencyMeetingDashboards(NamedParameterJdbcTemplate jdbc, AccessPolicy policy, AgencyMeetingSettings settings, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
    }

    @Bean
    Dashboard agencyMeetingsByKind() {
        return Dashboard.of(BY_KIND, 68, this::byKind);
    }

    @Bean
    Dashboard agencyActionsByOwner() {
        return Dashboard.of(BY_OWNER, 69, this::byOwner);
    }

    Table byKind(DashboardFilter filter, Viewer viewer) {
        AccessPolicy.SqlFilter series = policy.sql(viewer, SERIES);
        AccessPolicy.SqlFilter actions = policy.sql(viewer, ACTIONS);
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", Date.valueOf(filter.firstDay()))
                .addValue("to", Date.valueOf(filter.lastDay())).addValue("today", Date.valueOf(today())).addValue("open", AgencyAction.OPEN);
        params.addValues(series.parameters());
        params.addValues(actions.parameters());
        String students = filter.students("s", params);
        Map<String, long[]> counts = new LinkedHashMap<>();
        settings.kinds().forEach(k -> counts.put(k.code(), new long[4]));
        jdbc.query("select x.kind, count(*) from agency_meeting m join agency_meeting_series x on x.id = m.series_id"
                + " join student s on s.id = x.student_id where m.held_on between :from and :to and " + series.condition() + students
                + " group by x.kind", params, rs -> {
                    counts.computeIfAbsent(rs.getString(1), k -> new long[4])[0] = rs.getLong(2);
                });
        jdbc.query("select x.kind, count(*) from agency_meeting_series x join student s on s.id = x.student_id"
                + " where x.closed_at is null and x.next_meeting_on < :today and " + series.condition() + students
                + " group by x.kind", params, rs -> {
                    counts.computeIfAbsent(rs.getString(1), k -> new long[4])[1] = rs.getLong(2);
                });
        jdbc.query("select x.kind, count(*), sum(case when a.due_on < :today then 1 else 0 end) from agency_action a"
                + " join agency_meeting_series x on x.id = a.series_id join student s on s.id = a.student_id"
                + " where a.status = :open and " + actions.condition() + students + " group by x.kind", params, rs -> {
                    long[] c = counts.computeIfAbsent(rs.getString(1), k -> new long[4]);
                    c[2] = rs.getLong(2);
                    c[3] = rs.getLong(3);
                });
        List<List<Object>> rows = new ArrayList<>();
        long[] all = new long[4];
        counts.forEach((kind, c) -> {
            rows.add(List.of(settings.kindName(kind), c[0], c[1], c[2], c[3]));
            for (int i = 0; i < 4; i++) {
                all[i] += c[i];
            }
        });
        rows.add(List.of("All kinds", all[0], all[1], all[2], all[3]));
        return new Table(BY_KIND, "Multi-agency meetings by kind, " + filter.periodName(),
                List.of("Kind", "Meetings held", "Overdue to record", "Actions open", "Actions overdue"), rows)
                .charting("Meetings held", "Overdue to record", "Actions overdue")
                .withNote("Series and actions you may read: child protection and Child in Need series are counted for the DSLs "
                        + "only. Meetings held in the period; \"overdue to record\": a series still open whose planned meeting day "
                        + "has passed without a meeting recorded. Actions open now, and those past their due date.");
    }

    Table byOwner(DashboardFilter filter, Viewer viewer) {
        AccessPolicy.SqlFilter actions = policy.sql(viewer, ACTIONS);
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("today", Date.valueOf(today()))
                .addValue("open", AgencyAction.OPEN);
        params.addValues(actions.parameters());
        String students = filter.students("s", params);
        // a school action has no agency: school staff first, then the agencies by name
        Map<String, long[]> byOwner = new java.util.TreeMap<>(java.util.Comparator.comparing((String o) -> !SCHOOL.equals(o))
                .thenComparing(java.util.Comparator.naturalOrder()));
        jdbc.query("select a.agency, count(*), sum(case when a.due_on < :today then 1 else 0 end)"
                + " from agency_action a join student s on s.id = a.student_id where a.status = :open and " + actions.condition()
                + students + " group by a.agency", params, rs -> {
                    long[] c = byOwner.computeIfAbsent(rs.getString(1) == null ? SCHOOL : rs.getString(1), k -> new long[2]);
                    c[0] += rs.getLong(2);
                    c[1] += rs.getLong(3);
                });
        List<List<Object>> rows = new ArrayList<>();
        long[] all = new long[2];
        byOwner.forEach((owner, c) -> {
            rows.add(List.of(owner, c[0], c[1]));
            all[0] += c[0];
            all[1] += c[1];
        });
        rows.add(List.of("All", all[0], all[1]));
        return new Table(BY_OWNER, "Actions agreed at multi-agency meetings, by whose they are (open now)",
                List.of("Whose action", "Open", "Overdue"), rows)
                .charting("Open", "Overdue")
                .withNote("Actions open now that you may read, by the agency named at the meeting, or school staff; overdue: past "
                        + "their due date (another agency's is chased a few school days after). Agencies are as the keeper typed them.");
    }

    private java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }
}
