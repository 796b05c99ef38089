package org.pastoralflow.family;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.reporting.Dashboard;
import org.pastoralflow.reporting.DashboardFilter;
import org.pastoralflow.reporting.Table;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.AccessPolicy.RecordSql;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.workflow.SchoolCalendar;
import org.pastoralflow.workflow.TermDates;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * "Contact with home by half term": for each half term of the period, the contacts with home the
 * viewer may read (every feature's, as the chronology holds them: the contact log's, the parents told
 * of an incident, an attendance call), the students they were about, contacts per student among the
 * students filtered, and the students with an open support plan the viewer may read and no contact
 * home that half term. Counted in SQL through the access policy, so no row is read and dropped.
 */
@Component
class FamilyDashboard implements Dashboard {

    static final String NAME = "contact-home";
    static final List<String> COLUMNS = List.of("Half term", "Contacts with home", "Students contacted", "Contacts per student",
            "Open plans, no contact home");
    // an entry shared through its source record is not counted here: a count may be lower for that viewer, never higher
    static final RecordSql ENTRIES = RecordSql.single("chronology-entry", "c.id", "c.confidentiality", "c.student_id");
    static final RecordSql PLANS = RecordSql.single("support-plan", "p.id", "p.confidentiality", "p.student_id");

    private final NamedParameterJdbcTemplate jdbc;
    private final AccessPolicy policy;
    private final TermDates termDates;

    FamilyDashboard(NamedParameterJdbcTemplate jdbc, AccessPolicy policy, TermDates termDates) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.termDates = termDates;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 67;
    }

    /** A half term: a term cut at its half-term closure, within the filter's period. */
    record HalfTerm(String name, LocalDate first, LocalDate last) {
    }

    static List<HalfTerm> halfTerms(SchoolCalendar calendar, LocalDate from, LocalDate to) {
        List<HalfTerm> halves = new ArrayList<>();
        for (SchoolCalendar.Term t : calendar.terms()) {
            SchoolCalendar.Closure mid = calendar.closures().stream().filter(c -> "HALF_TERM".equals(c.kind()))
                    .filter(c -> c.startsOn().isAfter(t.startsOn()) && c.endsOn().isBefore(t.endsOn())).findFirst().orElse(null);
            List<HalfTerm> parts = mid == null ? List.of(new HalfTerm(t.name(), t.startsOn(), t.endsOn()))
                    : List.of(new HalfTerm(t.name() + ", first half", t.startsOn(), mid.startsOn().minusDays(1)),
                    new HalfTerm(t.name() + ", second half", mid.endsOn().plusDays(1), t.endsOn()));
            for (HalfTerm h : parts) {
                if (!h.last().isBefore(from) && !h.first().isAfter(to)) {
                    halves.add(new HalfTerm(h.name(), h.first().isBefore(from) ? from : h.first(), h.last().isAfter(to) ? to : h.last()));
                }
            }
        }
        return halves;
    }

    @Override
    public Table table(DashboardFilter filter, Viewer viewer) {
        AccessPolicy.Access access = policy.of(viewer);
        AccessPolicy.SqlFilter entries = policy.sql(access, ENTRIES);
        AccessPolicy.SqlFilter plans = policy.sql(access, PLANS);
        MapSqlParameterSource base = new MapSqlParameterSource("kind", EntryKind.CONTACT_HOME.name());
        base.addValues(entries.parameters());
        base.addValues(plans.parameters());
        String students = filter.students("s", base);
        Long onRoll = jdbc.queryForObject("select count(*) from student s where 1 = 1" + students, base, Long.class);
        List<List<Object>> rows = new ArrayList<>();
        for (HalfTerm h : halfTerms(termDates.calendar(), filter.firstDay(), filter.lastDay())) {
            MapSqlParameterSource params = new MapSqlParameterSource(base.getValues())
                    .addValue("from", Timestamp.from(h.first().atStartOfDay(filter.zone()).toInstant()))
                    .addValue("until", Timestamp.from(h.last().plusDays(1).atStartOfDay(filter.zone()).toInstant()));
            String contacts = "select c.student_id from chronology_entry c where c.kind = :kind and c.occurred_at >= :from"
                    + " and c.occurred_at < :until and " + entries.condition();
            List<Long> counts = jdbc.queryForObject("select count(*), count(distinct c.student_id) from chronology_entry c"
                    + " join student s on s.id = c.student_id where c.kind = :kind and c.occurred_at >= :from and c.occurred_at < :until and "
                    + entries.condition() + students, params, (rs, n) -> List.of(rs.getLong(1), rs.getLong(2)));
            Long uncontacted = jdbc.queryForObject("select count(distinct p.student_id) from support_plan p join student s on s.id = p.student_id"
                    + " where p.closed_on is null and " + plans.condition() + students
                    + " and p.student_id not in (" + contacts + ")", params, Long.class);
            double perStudent = onRoll == null || onRoll == 0 ? 0 : Math.round(counts.get(0) * 100.0 / onRoll) / 100.0;
            rows.add(List.of(h.name(), counts.get(0), counts.get(1), perStudent, uncontacted));
        }
        return new Table(name(), "Contact with home by half term, " + filter.periodName(), COLUMNS, rows)
                .charting("Contacts with home", "Open plans, no contact home")
                .withNote("Contacts with home in the chronology that you may read (the contact log, parents told of an incident, "
                        + "attendance calls), per student among the " + onRoll + " students shown; and students with a support plan "
                        + "open now, which you may read, with no contact home that half term.");
    }
}
