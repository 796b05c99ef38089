package org.pastoralflow.suspension;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.pastoralflow.workflow.SchoolCalendar;
import org.pastoralflow.workflow.TermDates;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one count of a pupil's school days of suspension, whichever workflow recorded them: every
 * suspension is a row of {@code suspension}, counted in the term (and school year) its first day
 * falls in. The investigation's 45-day check, the governors' per-term thresholds and the dashboards
 * ask here; nothing else adds suspension days up.
 */
@Service
public class SuspensionDays {

    private final NamedParameterJdbcTemplate jdbc;
    private final TermDates termDates;

    SuspensionDays(NamedParameterJdbcTemplate jdbc, TermDates termDates) {
        this.jdbc = jdbc;
        this.termDates = termDates;
    }

    /**
     * School days of suspension starting on or after {@code from} and before {@code until}, the
     * suspensions of one incident aside (null for none): what a new decision would add to.
     */
    @Transactional(readOnly = true)
    public long between(Long studentId, LocalDate from, LocalDate until, Long exceptIncidentId) {
        Long days = jdbc.queryForObject("""
                select coalesce(sum(days), 0) from suspension
                where student_id = :student and starts_on >= :from and starts_on < :until
                  and (incident_id is null or incident_id <> :except)""",
                Map.of("student", studentId, "from", from, "until", until, "except", exceptIncidentId == null ? -1L : exceptIncidentId),
                Long.class);
        return days == null ? 0 : days;
    }

    /** One pupil's suspensions starting in a period, with the flags the dashboards group by. */
    public record PupilTotal(int yearGroup, String senStatus, boolean fsm, boolean inCare, long suspensions, long days) {
    }

    /**
     * Per pupil, the suspensions starting from {@code first} to {@code last} and their school days,
     * among the rows {@code condition} (alias {@code x} for the suspension, {@code s} for the student)
     * lets through: the dashboards' figures, with the access policy's and the filter's conditions.
     */
    @Transactional(readOnly = true)
    public java.util.List<PupilTotal> perPupil(LocalDate first, LocalDate last, String condition,
                                               org.springframework.jdbc.core.namedparam.MapSqlParameterSource params) {
        params.addValue("first", first).addValue("last", last);
        return jdbc.query("select s.year_group, s.sen_status, s.fsm, s.in_care, count(*), sum(x.days) from suspension x"
                        + " join student s on s.id = x.student_id where x.starts_on >= :first and x.starts_on <= :last and " + condition
                        + " group by x.student_id, s.year_group, s.sen_status, s.fsm, s.in_care", params,
                (rs, i) -> new PupilTotal(rs.getInt(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), rs.getLong(5), rs.getLong(6)));
    }

    /** School days of suspension in the term that {@code day} falls in (or, in a holiday, the next term). */
    public long inTermOf(Long studentId, LocalDate day) {
        return termOf(day).map(t -> between(studentId, t.startsOn(), t.endsOn().plusDays(1), null)).orElse(0L);
    }

    /** The term a day belongs to for the count: the one holding it, or the next to begin after it. */
    public Optional<SchoolCalendar.Term> termOf(LocalDate day) {
        return termDates.calendar().terms().stream().filter(t -> !t.endsOn().isBefore(day))
                .min(java.util.Comparator.comparing(SchoolCalendar.Term::startsOn));
    }
}
