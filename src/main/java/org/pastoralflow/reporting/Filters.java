package org.pastoralflow.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pastoralflow.workflow.SchoolTerm;
import org.pastoralflow.workflow.TermDates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Reads a dashboard filter from the request, with the school's terms and tutor groups to choose from. */
@Component
public class Filters {

    public static final List<Integer> YEAR_GROUPS = List.of(7, 8, 9, 10, 11, 12, 13);

    private final TermDates termDates;
    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final Clock clock;
    private final int schoolYearStartMonth;

    Filters(TermDates termDates, JdbcTemplate jdbc, @Value("${pastoral.zone:Europe/London}") ZoneId zone, Clock clock,
            @Value("${pastoral.attendance.school-year-start-month:9}") int schoolYearStartMonth) {
        this.termDates = termDates;
        this.jdbc = jdbc;
        this.zone = zone;
        this.clock = clock;
        this.schoolYearStartMonth = schoolYearStartMonth;
    }

    /** From request parameters: term, year, group, sen, fsm, eal, care. A term that does not exist is a bad request. */
    public DashboardFilter read(Map<String, String> params) {
        Long termId = number(params.get("term"), "term");
        Long yearNumber = number(params.get("year"), "year");
        Integer year = yearNumber == null ? null : yearNumber.intValue();
        String group = blankToNull(params.get("group"));
        if (group != null && (group.length() > 10 || !group.matches("[A-Za-z0-9 /-]+"))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Tutor group: no such group " + group);
        }
        DashboardFilter base = schoolYearSoFar(year, group, flag(params, "sen"), flag(params, "fsm"), flag(params, "eal"),
                flag(params, "care"));
        if (termId == null) {
            return base;
        }
        SchoolTerm term = term(termId).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "Term: no such term"));
        return base.over(term.getId(), term.getName(), term.getStartsOn(), term.getEndsOn());
    }

    public DashboardFilter forTerm(SchoolTerm term, Integer year) {
        return schoolYearSoFar(year, null, false, false, false, false)
                .over(term.getId(), term.getName(), term.getStartsOn(), term.getEndsOn());
    }

    private DashboardFilter schoolYearSoFar(Integer year, String group, boolean sen, boolean fsm, boolean eal, boolean care) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = LocalDate.of(today.getMonthValue() >= schoolYearStartMonth ? today.getYear() : today.getYear() - 1,
                schoolYearStartMonth, 1);
        return new DashboardFilter(null, "This school year so far", start, today, zone, year, group, sen, fsm, eal, care);
    }

    public List<SchoolTerm> terms() {
        return termDates.terms();
    }

    public Optional<SchoolTerm> term(Long id) {
        return termDates.terms().stream().filter(t -> t.getId().equals(id)).findFirst();
    }

    /** The term that ends before this one starts, for trends. */
    public Optional<SchoolTerm> termBefore(SchoolTerm term) {
        SchoolTerm before = null;
        for (SchoolTerm t : termDates.terms()) {
            if (t.getEndsOn().isBefore(term.getStartsOn())) {
                before = t;
            }
        }
        return Optional.ofNullable(before);
    }

    /** The term today falls in, or the last one that has started. */
    public Optional<SchoolTerm> currentTerm() {
        LocalDate today = LocalDate.now(clock);
        SchoolTerm current = null;
        for (SchoolTerm t : termDates.terms()) {
            if (!t.getStartsOn().isAfter(today)) {
                current = t;
            }
        }
        return Optional.ofNullable(current);
    }

    public List<String> tutorGroups(Integer year) {
        return year == null
                ? jdbc.queryForList("select distinct reg_group from student where reg_group is not null order by reg_group", String.class)
                : jdbc.queryForList("select distinct reg_group from student where reg_group is not null and year_group = ? order by reg_group",
                String.class, year);
    }

    private static boolean flag(Map<String, String> params, String name) {
        String v = params.get(name);
        return v != null && (v.equals("true") || v.equals("on"));
    }

    private static Long number(String v, String field) {
        v = blankToNull(v);
        if (v == null) {
            return null;
        }
        if (!v.matches("\\d{1,9}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, field + ": not a number");
        }
        return Long.valueOf(v);
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
