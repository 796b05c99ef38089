package org.pastoralflow.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What a dashboard is asked about: a period (a term from the school's term dates, or this school
 * year so far) and which students (year group, tutor group, SEN/FSM/EAL/looked-after flags).
 * Every dashboard applies it in its SQL through {@link #students(String, MapSqlParameterSource)}
 * and {@link #from()}/{@link #until()}, so a count is never made in memory from rows it then drops.
 */
public record DashboardFilter(Long termId, String periodName, LocalDate firstDay, LocalDate lastDay, ZoneId zone,
                              Integer yearGroup, String tutorGroup, boolean sen, boolean fsm, boolean eal,
                              boolean inCare) {

    /** The first instant of the period, in the school's time zone. */
    public Instant from() {
        return firstDay.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    public Instant until() {
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public boolean termChosen() {
        return termId != null;
    }

    public boolean studentsFiltered() {
        return yearGroup != null || tutorGroup != null || sen || fsm || eal || inCare;
    }

    /**
     * The SQL conditions (each starting with " and ") that pick the filtered students from the
     * {@code student} table under the alias given, with their parameters added to {@code params}.
     */
    public String students(String alias, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder();
        if (yearGroup != null) {
            sql.append(" and ").append(alias).append(".year_group = :filterYear");
            params.addValue("filterYear", yearGroup);
        }
        if (tutorGroup != null) {
            sql.append(" and ").append(alias).append(".reg_group = :filterGroup");
            params.addValue("filterGroup", tutorGroup);
        }
        if (sen) {
            sql.append(" and ").append(alias).append(".sen_status <> 'N'");
        }
        if (fsm) {
            sql.append(" and ").append(alias).append(".fsm = true");
        }
        if (eal) {
            sql.append(" and ").append(alias).append(".eal = true");
        }
        if (inCare) {
            sql.append(" and ").append(alias).append(".in_care = true");
        }
        return sql.toString();
    }

    /** The filter in words, for titles, notes and the data pack. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(periodName);
        parts.add(yearGroup == null ? "all years" : "Year " + yearGroup);
        if (tutorGroup != null) {
            parts.add("tutor group " + tutorGroup);
        }
        if (sen) {
            parts.add("SEN");
        }
        if (fsm) {
            parts.add("FSM");
        }
        if (eal) {
            parts.add("EAL");
        }
        if (inCare) {
            parts.add("looked after");
        }
        return String.join(" · ", parts);
    }

    /** The request parameters that ask for this filter again (for CSV links and the data pack). */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        if (termId != null) {
            p.put("term", termId.toString());
        }
        if (yearGroup != null) {
            p.put("year", yearGroup.toString());
        }
        if (tutorGroup != null) {
            p.put("group", tutorGroup);
        }
        if (sen) {
            p.put("sen", "true");
        }
        if (fsm) {
            p.put("fsm", "true");
        }
        if (eal) {
            p.put("eal", "true");
        }
        if (inCare) {
            p.put("care", "true");
        }
        return p;
    }

    /** {@link #parameters()} as a query string ("" or "?term=4&year=8"), for links. */
    public String queryString() {
        String q = parameters().entrySet().stream()
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return q.isEmpty() ? "" : "?" + q;
    }

    /** The same students over another period, e.g. the term before for a trend. */
    public DashboardFilter over(Long otherTermId, String otherName, LocalDate otherFirst, LocalDate otherLast) {
        return new DashboardFilter(otherTermId, otherName, otherFirst, otherLast, zone, yearGroup, tutorGroup, sen, fsm, eal, inCare);
    }
}
