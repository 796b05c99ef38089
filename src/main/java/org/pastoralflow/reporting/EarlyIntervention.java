package org.pastoralflow.reporting;

import java.time.Clock;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Classification;
import org.pastoralflow.security.Confidentiality;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.time.format.DateTimeFormatter;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.investigation.IncidentType;
import org.pastoralflow.referral.ReferralCategory;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.workflow.SchoolCalendar;
import org.pastoralflow.workflow.TermDates;
import org.pastoralflow.forms.Coded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The early-intervention list: students whose recent record crosses one of the configured rules
 * ({@link EarlyInterventionSettings}), each with the evidence. Each rule is one SQL query over the
 * filtered students; only records the viewer may read count as evidence, and the DSL's views of
 * safeguarding records listed here are audited.
 */
@Service
@EnableConfigurationProperties(EarlyInterventionSettings.class)
public class EarlyIntervention {

    public static final String INCIDENTS = "incidents";
    public static final String ATTENDANCE = "attendance";
    public static final String CONCERN_ON_PLAN = "concern-on-plan";
    public static final String BEHAVIOUR = "behaviour";
    public static final String REMOVALS = "removals";
    static final String WHERE = "early-intervention list";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    /** One reason a student is listed: which rule, what shows it, and the concern category it suggests. */
    public record Evidence(String rule, String title, List<String> details, String suggestedCategory) {
    }

    public record Listed(Student student, List<Evidence> evidence) {

        public String suggestedCategory() {
            return evidence.get(0).suggestedCategory();
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final EarlyInterventionSettings settings;
    private final TermDates termDates;
    private final StudentRepository students;
    private final AuditLog audit;
    private final ZoneId zone;
    private final Clock clock;
    private final Visibility visibility;
    private final AccessPolicy policy;

    EarlyIntervention(NamedParameterJdbcTemplate jdbc, EarlyInterventionSettings settings, TermDates termDates,
                      StudentRepository students, AuditLog audit, @Value("${pastoral.zone:Europe/London}") ZoneId zone, Clock clock,
                      Visibility visibility, AccessPolicy policy) {
        this.visibility = visibility;
        this.policy = policy;
        this.jdbc = jdbc;
        this.settings = settings;
        this.termDates = termDates;
        this.students = students;
        this.audit = audit;
        this.zone = zone;
        this.clock = clock;
    }

    public EarlyInterventionSettings settings() {
        return settings;
    }

    /** Everyone the rules list today among the filtered students (the filter's period is not used: the rules look back from today). */
    @Transactional
    public List<Listed> list(DashboardFilter filter, Viewer viewer) {
        Map<Long, List<Evidence>> found = new LinkedHashMap<>();
        Map<Long, List<Long>> safeguardingIncidents = new HashMap<>();
        Map<Long, List<Long>> safeguardingReferrals = new HashMap<>();
        incidents(filter, viewer, null, found, safeguardingIncidents);
        attendance(filter, null, found);
        concernsOnPlans(filter, viewer, null, found, safeguardingReferrals);
        behaviour(filter, viewer, null, found);
        removals(filter, viewer, null, found);
        return listed(found, viewer, safeguardingIncidents, safeguardingReferrals);
    }

    /** The evidence for one student, as the viewer may see it (for the prefilled concern). */
    @Transactional
    public List<Evidence> evidenceFor(Long studentId, Viewer viewer) {
        Map<Long, List<Evidence>> found = new LinkedHashMap<>();
        Map<Long, List<Long>> safeguardingIncidents = new HashMap<>();
        Map<Long, List<Long>> safeguardingReferrals = new HashMap<>();
        DashboardFilter everyone = new DashboardFilter(null, "", LocalDate.now(clock), LocalDate.now(clock), zone,
                null, null, false, false, false, false);
        incidents(everyone, viewer, studentId, found, safeguardingIncidents);
        attendance(everyone, studentId, found);
        concernsOnPlans(everyone, viewer, studentId, found, safeguardingReferrals);
        behaviour(everyone, viewer, studentId, found);
        removals(everyone, viewer, studentId, found);
        List<Listed> listed = listed(found, viewer, safeguardingIncidents, safeguardingReferrals);
        return listed.isEmpty() ? List.of() : listed.get(0).evidence();
    }

    private List<Listed> listed(Map<Long, List<Evidence>> found, Viewer viewer, Map<Long, List<Long>> safeguardingIncidents,
                                Map<Long, List<Long>> safeguardingReferrals) {
        List<Listed> all = new ArrayList<>();
        students.findAllById(found.keySet()).forEach(s -> all.add(new Listed(s, found.get(s.getId()))));
        // attendance figures are pastoral records of the student: a PSO or Head of Year with year groups lists theirs only
        List<Listed> listed = new ArrayList<>(policy.readable(viewer, all, l -> Classification.of("attendance", l.student().getId(),
                Confidentiality.PASTORAL, l.student().getId())));
        listed.sort(Comparator.comparing((Listed l) -> l.student().getYearGroup())
                .thenComparing(l -> l.student().getLegalSurname()).thenComparing(l -> l.student().getLegalForename()));
        safeguardingIncidents.forEach((student, ids) -> audit.viewed(viewer.userId(), "incident", ids, student, WHERE));
        safeguardingReferrals.forEach((student, ids) -> audit.viewed(viewer.userId(), "referral", ids, student, WHERE));
        return listed;
    }

    /** The first day of the last n school weeks (5n school days, today included when it is one). */
    LocalDate schoolWeeksBack(int weeks) {
        SchoolCalendar calendar = termDates.calendar();
        LocalDate day = LocalDate.now(clock);
        int counted = calendar.isSchoolDay(day) ? 1 : 0;
        while (counted < weeks * 5) {
            day = day.minusDays(1);
            if (calendar.isSchoolDay(day)) {
                counted++;
            }
        }
        return day;
    }

    private static String oneStudent(Long studentId, String column, MapSqlParameterSource params) {
        if (studentId == null) {
            return "";
        }
        params.addValue("oneStudent", studentId);
        return " and " + column + " = :oneStudent";
    }

    private void incidents(DashboardFilter filter, Viewer viewer, Long studentId, Map<Long, List<Evidence>> found,
                           Map<Long, List<Long>> safeguarding) {
        EarlyInterventionSettings.Incidents rule = settings.incidents();
        LocalDate since = schoolWeeksBack(rule.schoolWeeks());
        MapSqlParameterSource params = new MapSqlParameterSource("since", Timestamp.from(since.atStartOfDay(zone).toInstant()))
                .addValue("parts", rule.parts()).addValue("count", rule.count());
        String hidden = visibility.and(viewer, Visibility.incidents("i"), params);
        String hiddenInCount = visibility.and(viewer, Visibility.incidents("i2"), params);
        String sql = "select x.student_id, i.id, i.reference, i.type, i.occurred_at, i.confidentiality = 'SAFEGUARDING'"
                + " from incident i join incident_student x on x.incident_id = i.id join student s on s.id = x.student_id"
                + " where i.occurred_at >= :since and x.part in (:parts)" + hidden + filter.students("s", params)
                + oneStudent(studentId, "x.student_id", params)
                + " and x.student_id in (select x2.student_id from incident i2 join incident_student x2 on x2.incident_id = i2.id"
                + " where i2.occurred_at >= :since and x2.part in (:parts)" + hiddenInCount
                + " group by x2.student_id having count(distinct i2.id) >= :count)"
                + " order by x.student_id, i.occurred_at";
        Map<Long, List<String>> details = new LinkedHashMap<>();
        jdbc.query(sql, params, rs -> {
            long student = rs.getLong(1);
            details.computeIfAbsent(student, k -> new ArrayList<>()).add(rs.getString(3) + " · "
                    + Coded.options(IncidentType.class).getOrDefault(rs.getString(4), rs.getString(4)) + " · "
                    + DAY.format(rs.getTimestamp(5).toInstant().atZone(zone)));
            if (rs.getBoolean(6)) {
                safeguarding.computeIfAbsent(student, k -> new ArrayList<>()).add(rs.getLong(2));
            }
        });
        details.forEach((student, lines) -> found.computeIfAbsent(student, k -> new ArrayList<>()).add(new Evidence(INCIDENTS,
                lines.size() + " incidents since " + DAY.format(since) + " (" + rule.schoolWeeks() + " school weeks)", lines, "behaviour")));
    }

    private void attendance(DashboardFilter filter, Long studentId, Map<Long, List<Evidence>> found) {
        EarlyInterventionSettings.Attendance rule = settings.attendance();
        LocalDate today = LocalDate.now(clock);
        LocalDate recentFrom = today.minusWeeks(rule.weeks());
        LocalDate previousFrom = recentFrom.minusWeeks(rule.weeks());
        MapSqlParameterSource params = new MapSqlParameterSource("recent", Date.valueOf(recentFrom))
                .addValue("previous", Date.valueOf(previousFrom)).addValue("today", Date.valueOf(today)).addValue("drop", rule.dropPoints());
        String recentPossible = "sum(case when w.week_commencing >= :recent then w.possible_sessions else 0 end)";
        String recentAttended = "sum(case when w.week_commencing >= :recent then w.attended_sessions else 0 end)";
        String beforePossible = "sum(case when w.week_commencing < :recent then w.possible_sessions else 0 end)";
        String beforeAttended = "sum(case when w.week_commencing < :recent then w.attended_sessions else 0 end)";
        String before = "100.0 * " + beforeAttended + " / nullif(" + beforePossible + ", 0)";
        String recent = "100.0 * " + recentAttended + " / nullif(" + recentPossible + ", 0)";
        String sql = "select w.student_id, " + before + ", " + recent + " from attendance_week w join student s on s.id = w.student_id"
                + " where w.week_commencing >= :previous and w.week_commencing <= :today" + filter.students("s", params)
                + oneStudent(studentId, "w.student_id", params)
                + " group by w.student_id having " + before + " - " + recent + " >= :drop";
        jdbc.query(sql, params, rs -> {
            double was = rs.getDouble(2);
            double now = rs.getDouble(3);
            found.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Evidence(ATTENDANCE,
                    String.format(Locale.UK, "Attendance fell %.1f points: %.1f %% in the %d weeks before %s, %.1f %% since",
                            was - now, was, rule.weeks(), DAY.format(recentFrom), now),
                    List.of(), "attendance"));
        });
    }

    private void concernsOnPlans(DashboardFilter filter, Viewer viewer, Long studentId, Map<Long, List<Evidence>> found,
                                 Map<Long, List<Long>> safeguarding) {
        LocalDate since = schoolWeeksBack(settings.concernOnPlan().schoolWeeks());
        MapSqlParameterSource params = new MapSqlParameterSource("since", Timestamp.from(since.atStartOfDay(zone).toInstant()));
        String sql = "select r.student_id, r.id, r.reference, r.category, r.raised_at, p.started_on, r.confidentiality from referral r"
                + " join support_plan p on p.student_id = r.student_id join student s on s.id = r.student_id"
                + " where r.raised_at >= :since and p.started_on <= cast(r.raised_at as date)"
                + " and (p.closed_on is null or p.closed_on >= cast(r.raised_at as date))"
                + " and (p.referral_id is null or p.referral_id <> r.id)"
                + visibility.and(viewer, Visibility.REFERRALS, params) + visibility.and(viewer, Visibility.PLANS, params)
                + filter.students("s", params) + oneStudent(studentId, "r.student_id", params)
                + " order by r.student_id, r.raised_at";
        Map<Long, Map<String, String>> byStudent = new LinkedHashMap<>();
        jdbc.query(sql, params, rs -> {
            long student = rs.getLong(1);
            byStudent.computeIfAbsent(student, k -> new LinkedHashMap<>()).putIfAbsent(rs.getString(3),
                    rs.getString(3) + " · " + Coded.labelOf(ReferralCategory.class, rs.getString(4)) + " · raised "
                            + DAY.format(rs.getTimestamp(5).toInstant().atZone(zone)) + ", on a support plan since "
                            + DAY.format(rs.getDate(6).toLocalDate()));
            if ("SAFEGUARDING".equals(rs.getString(7))) {
                List<Long> ids = safeguarding.computeIfAbsent(student, k -> new ArrayList<>());
                if (!ids.contains(rs.getLong(2))) {
                    ids.add(rs.getLong(2));
                }
            }
        });
        byStudent.forEach((student, lines) -> found.computeIfAbsent(student, k -> new ArrayList<>()).add(new Evidence(CONCERN_ON_PLAN,
                "New concern while on a support plan", List.copyOf(lines.values()), "welfare")));
    }

    /**
     * The half term today falls in: from the start of the term (or the day after a half-term closure
     * in it) to the day before the next half-term closure (or the term's end). Outside any term, the
     * six weeks up to today.
     */
    LocalDate[] halfTerm(LocalDate today) {
        SchoolCalendar calendar = termDates.calendar();
        SchoolCalendar.Term term = calendar.terms().stream()
                .filter(t -> !t.startsOn().isAfter(today) && !t.endsOn().isBefore(today)).findFirst().orElse(null);
        if (term == null) {
            return new LocalDate[] {today.minusWeeks(6), today};
        }
        LocalDate from = term.startsOn();
        LocalDate to = term.endsOn();
        for (SchoolCalendar.Closure c : calendar.closures()) {
            if (!"HALF_TERM".equals(c.kind()) || c.endsOn().isBefore(term.startsOn()) || c.startsOn().isAfter(term.endsOn())) {
                continue;
            }
            if (c.endsOn().isBefore(today) && !c.endsOn().plusDays(1).isBefore(from)) {
                from = c.endsOn().plusDays(1);
            } else if (c.startsOn().isAfter(today) && c.startsOn().minusDays(1).isBefore(to)) {
                to = c.startsOn().minusDays(1);
            }
        }
        return new LocalDate[] {from, to};
    }

    /** Negative behaviour points logged this half term at or above the setting; only logs the viewer may read count. */
    private void behaviour(DashboardFilter filter, Viewer viewer, Long studentId, Map<Long, List<Evidence>> found) {
        int threshold = settings.behaviour().points();
        LocalDate[] half = halfTerm(LocalDate.now(clock));
        MapSqlParameterSource params = new MapSqlParameterSource("from", Timestamp.from(half[0].atStartOfDay(zone).toInstant()))
                .addValue("until", Timestamp.from(half[1].plusDays(1).atStartOfDay(zone).toInstant())).addValue("threshold", threshold);
        String sql = "select b.student_id, -sum(b.points), count(*) from behaviour_log b join student s on s.id = b.student_id"
                + " where b.points < 0 and b.occurred_at >= :from and b.occurred_at < :until"
                + visibility.and(viewer, Visibility.BEHAVIOUR, params) + filter.students("s", params)
                + oneStudent(studentId, "b.student_id", params)
                + " group by b.student_id having -sum(b.points) >= :threshold";
        jdbc.query(sql, params, rs -> {
            found.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Evidence(BEHAVIOUR,
                    rs.getLong(2) + " behaviour points this half term (" + rs.getLong(3) + " logs since " + DAY.format(half[0]) + ")",
                    List.of(), "behaviour"));
        });
    }

    /** Repeated removals from lessons: at least the rule's count in its school weeks, each readable by the viewer. */
    private void removals(DashboardFilter filter, Viewer viewer, Long studentId, Map<Long, List<Evidence>> found) {
        EarlyInterventionSettings.Removals rule = settings.removals();
        LocalDate since = schoolWeeksBack(rule.schoolWeeks());
        MapSqlParameterSource params = new MapSqlParameterSource("since", Timestamp.from(since.atStartOfDay(zone).toInstant()))
                .addValue("count", rule.count());
        String sql = "select r.student_id, r.removed_at, r.lesson, r.reason from removal r join student s on s.id = r.student_id"
                + " where r.removed_at >= :since" + visibility.and(viewer, Visibility.removals("r"), params) + filter.students("s", params)
                + oneStudent(studentId, "r.student_id", params)
                + " and r.student_id in (select r2.student_id from removal r2 where r2.removed_at >= :since"
                + visibility.and(viewer, Visibility.removals("r2"), params) + " group by r2.student_id having count(*) >= :count)"
                + " order by r.student_id, r.removed_at";
        Map<Long, List<String>> details = new LinkedHashMap<>();
        jdbc.query(sql, params, rs -> {
            details.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(DAY.format(rs.getTimestamp(2).toInstant().atZone(zone))
                    + " · " + rs.getString(3) + " · " + rs.getString(4));
        });
        details.forEach((student, lines) -> found.computeIfAbsent(student, k -> new ArrayList<>()).add(new Evidence(REMOVALS,
                lines.size() + " removals from lessons since " + DAY.format(since) + " (" + rule.schoolWeeks() + " school weeks)",
                lines, "behaviour")));
    }
}
