package org.pastoralflow.reporting;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.investigation.IncidentType;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.forms.Coded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Incidents logged for investigation, by type, place, time of day and year group. An incident
 * counts once in each row it belongs to; it is in the period when it happened in it, and it
 * matches the student filters when any student involved (in any part) does. Safeguarding
 * incidents (harmful sexual behaviour, or ticked as a safeguarding concern) count only for the
 * DSL group.
 */
@Component
@EnableConfigurationProperties(ReportingSettings.class)
class IncidentDashboards {

    private final NamedParameterJdbcTemplate jdbc;
    private final ReportingSettings settings;
    private final ZoneId zone;

    private final Visibility visibility;

    IncidentDashboards(NamedParameterJdbcTemplate jdbc, ReportingSettings settings,
                       @Value("${pastoral.zone:Europe/London}") ZoneId zone, Visibility visibility) {
        this.visibility = visibility;
        this.jdbc = jdbc;
        this.settings = settings;
        this.zone = zone;
        settings.parts(); // a wrong setting fails at start-up, not on the page
    }

    /** The incidents of the filter, as SQL after "from incident i": the conditions and their parameters. */
    private String where(DashboardFilter filter, Viewer viewer, MapSqlParameterSource params) {
        params.addValue("from", Timestamp.from(filter.from())).addValue("until", Timestamp.from(filter.until()));
        StringBuilder sql = new StringBuilder(" where i.occurred_at >= :from and i.occurred_at < :until")
                .append(visibility.and(viewer, Visibility.incidents("i"), params));
        if (filter.studentsFiltered()) {
            sql.append(" and exists (select 1 from incident_student x join student s on s.id = x.student_id where x.incident_id = i.id")
                    .append(filter.students("s", params)).append(")");
        }
        return sql.toString();
    }

    private static String note(Viewer viewer) {
        return Visibility.seesSafeguarding(viewer) ? "Includes safeguarding incidents."
                : "Safeguarding incidents (harmful sexual behaviour, discriminatory language, or marked as a safeguarding concern) "
                + "are counted only for the DSL group and the staff they are shared with.";
    }

    Table byType(DashboardFilter filter, Viewer viewer) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Map<String, Long> counts = new LinkedHashMap<>();
        Coded.options(IncidentType.class).keySet().forEach(t -> counts.put(t, 0L));
        jdbc.query("select i.type, count(*) from incident i" + where(filter, viewer, params) + " group by i.type", params,
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((type, n) -> rows.add(List.of(Coded.options(IncidentType.class).getOrDefault(type, type), n)));
        return new Table("incidents-type", "Incidents by type, " + filter.periodName(), List.of("Type", "Incidents"), rows)
                .withNote(note(viewer));
    }

    /** Places as typed: the same words in any case or spacing are one place. The busiest are named, the rest added up. */
    Table byLocation(DashboardFilter filter, Viewer viewer) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<List<Object>> rows = new ArrayList<>();
        long[] others = {0};
        int top = settings.topLocations();
        jdbc.query("select min(trim(i.location)), count(*) from incident i" + where(filter, viewer, params)
                        + " group by lower(trim(i.location)) order by count(*) desc, min(trim(i.location))", params,
                rs -> {
                    if (rows.size() < top) {
                        rows.add(List.of(rs.getString(1), rs.getLong(2)));
                    } else {
                        others[0] += rs.getLong(2);
                    }
                });
        if (others[0] > 0) {
            rows.add(List.of("Everywhere else", others[0]));
        }
        return new Table("incidents-location", "Incidents by place, " + filter.periodName(), List.of("Place", "Incidents"), rows)
                .withNote(note(viewer) + " The " + top + " places with most incidents are named.");
    }

    /** Into the day parts of the settings, by the time it happened in the school's time zone. */
    Table byTimeOfDay(DashboardFilter filter, Viewer viewer) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<ReportingSettings.DayPart> parts = settings.parts();
        String local = "i.occurred_at at time zone '" + zoneLiteral() + "'";
        String minute = "(extract(hour from " + local + ") * 60 + extract(minute from " + local + "))";
        StringBuilder bucket = new StringBuilder("case");
        for (int p = parts.size() - 1; p > 0; p--) {
            int startMinute = parts.get(p).starts().getHour() * 60 + parts.get(p).starts().getMinute();
            bucket.append(" when ").append(minute).append(" >= ").append(startMinute).append(" then ").append(p);
        }
        bucket.append(" else 0 end");
        long[] counts = new long[parts.size()];
        jdbc.query("select part, count(*) from (select " + bucket + " as part from incident i" + where(filter, viewer, params)
                + ") parts group by part", params, rs -> {
                    counts[rs.getInt(1)] = rs.getLong(2);
                });
        List<List<Object>> rows = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            String until = p + 1 < parts.size() ? "–" + parts.get(p + 1).starts() : " on";
            rows.add(List.of(parts.get(p).label() + " (" + parts.get(p).starts() + until + ")", counts[p]));
        }
        return new Table("incidents-time", "Incidents by time of day, " + filter.periodName(), List.of("Time of day", "Incidents"), rows)
                .withNote(note(viewer) + " Parts of the day as set in pastoral.dashboards.day-parts.");
    }

    /** Counted once per year group with a student involved: an incident between two year groups is in both rows. */
    Table byYearGroup(DashboardFilter filter, Viewer viewer) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        params.addValue("from", Timestamp.from(filter.from())).addValue("until", Timestamp.from(filter.until()));
        StringBuilder sql = new StringBuilder("select s.year_group, count(distinct i.id) from incident i "
                + "join incident_student x on x.incident_id = i.id join student s on s.id = x.student_id "
                + "where i.occurred_at >= :from and i.occurred_at < :until");
        sql.append(visibility.and(viewer, Visibility.incidents("i"), params));
        sql.append(filter.students("s", params)).append(" group by s.year_group order by s.year_group");
        List<List<Object>> rows = new ArrayList<>();
        jdbc.query(sql.toString(), params, rs -> {
            rows.add(List.of("Year " + rs.getInt(1), rs.getLong(2)));
        });
        return new Table("incidents-year", "Incidents by year group, " + filter.periodName(), List.of("Year group", "Incidents"), rows)
                .withNote(note(viewer) + " An incident involving students of two year groups is counted in both.");
    }

    private String zoneLiteral() {
        String id = zone.getId();
        if (!id.matches("[A-Za-z0-9_/+-]+")) {
            throw new IllegalStateException("pastoral.zone " + id + " cannot be used in SQL");
        }
        return id;
    }

    /** The four charts over incidents, each a dashboard of its own. */
    @Configuration
    static class Charts {
        @Bean
        Dashboard incidentsByType(IncidentDashboards incidents) {
            return Dashboard.of("incidents-type", 30, incidents::byType);
        }

        @Bean
        Dashboard incidentsByLocation(IncidentDashboards incidents) {
            return Dashboard.of("incidents-location", 31, incidents::byLocation);
        }

        @Bean
        Dashboard incidentsByTimeOfDay(IncidentDashboards incidents) {
            return Dashboard.of("incidents-time", 32, incidents::byTimeOfDay);
        }

        @Bean
        Dashboard incidentsByYearGroup(IncidentDashboards incidents) {
            return Dashboard.of("incidents-year", 33, incidents::byYearGroup);
        }
    }
}
