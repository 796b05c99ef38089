package org.pastoralflow.workflow;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the current {@link SchoolCalendar} in memory; it is read on every due date and timer.
 * Term dates change a few times a year, by an administrator, who calls {@link #reload()}.
 */
@Component
public class TermDates {

    private final JdbcTemplate jdbc;
    private volatile SchoolCalendar calendar;

    public TermDates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public SchoolCalendar calendar() {
        SchoolCalendar current = calendar;
        if (current == null) {
            current = reload();
        }
        return current;
    }

    public synchronized SchoolCalendar reload() {
        List<SchoolCalendar.Term> terms = jdbc.query(
                "select name, starts_on, ends_on from school_term order by starts_on",
                (rs, i) -> new SchoolCalendar.Term(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)));
        List<SchoolCalendar.Closure> closures = jdbc.query(
                "select starts_on, ends_on, kind, description from school_closure order by starts_on",
                (rs, i) -> new SchoolCalendar.Closure(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getString(4)));
        calendar = new SchoolCalendar(terms, closures);
        return calendar;
    }
}
