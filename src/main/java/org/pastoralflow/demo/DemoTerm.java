package org.pastoralflow.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.workflow.TermDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A term behind the demo school, so that at the first start every dashboard, the early-intervention
 * list and the data pack show figures a newcomer can recognise: weekly attendance with a few
 * students over the absence thresholds ({@link DemoAttendance}), incidents of every type and place
 * ({@link DemoIncidents}), concerns at every stage, closed ones with their outcomes and support plans
 * with baseline and end measures ({@link DemoReferrals}), on-call calls ({@link DemoOncall}), one
 * student on report ({@link DemoReportCard}) and removals from lessons with the reflection room's
 * register ({@link DemoRemovals}), parents and carers for every student and a term of contacts with home
 * ({@link DemoFamily}), a directory of local services and home visits ({@link DemoServices},
 * {@link DemoHomeVisits}), the SEN register and EHCP annual reviews ({@link DemoSend}), an Early Help plan and a
 * looked-after child's PEP reviews ({@link DemoAgencyMeetings}), three intervention groups with their
 * registers and scores ({@link DemoInterventions}), letter templates and letters home ({@link DemoLetters}).
 * Everything goes through the features' own services, then is put on its day ({@link Backdate}).
 * The term is the last one that began at least four weeks before today ({@link DemoDays}); all of it
 * is invented and the same on every first start (one fixed random seed), about the demo's invented
 * students. Seeded once: only while the school has no history of any of these kinds.
 */
@Component
class DemoTerm {

    private static final Logger log = LoggerFactory.getLogger(DemoTerm.class);

    /** One seed, so every first start of the demo tells the same term. */
    static final long SEED = 19L;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TermDates termDates;
    private final StudentRepository students;
    private final DemoAttendance attendance;
    private final DemoIncidents incidents;
    private final DemoReferrals referrals;
    private final DemoOncall oncall;
    private final DemoSuspension suspension;
    private final DemoReportCard reportCard;
    private final DemoBehaviour behaviour;
    private final DemoRemovals removals;
    private final DemoFamily family;
    private final DemoServices services;
    private final DemoHomeVisits homeVisits;
    private final DemoSend send;
    private final DemoAgencyMeetings agencyMeetings;
    private final DemoInterventions interventions;
    private final DemoLetters letters;

    DemoTerm(JdbcTemplate jdbc, Clock clock, TermDates termDates, StudentRepository students, DemoAttendance attendance,
             DemoIncidents incidents, DemoReferrals referrals, DemoOncall oncall, DemoSuspension suspension,
             DemoReportCard reportCard, DemoBehaviour behaviour, DemoRemovals removals, DemoFamily family,
             DemoServices services, DemoHomeVisits homeVisits, DemoSend send, DemoAgencyMeetings agencyMeetings,
             DemoInterventions interventions, DemoLetters letters) {
        this.letters = letters;
        this.interventions = interventions;
        this.agencyMeetings = agencyMeetings;
        this.jdbc = jdbc;
        this.clock = clock;
        this.termDates = termDates;
        this.students = students;
        this.attendance = attendance;
        this.incidents = incidents;
        this.referrals = referrals;
        this.oncall = oncall;
        this.suspension = suspension;
        this.reportCard = reportCard;
        this.behaviour = behaviour;
        this.removals = removals;
        this.family = family;
        this.services = services;
        this.homeVisits = homeVisits;
        this.send = send;
    }

    /** A demo login as the services see the person signed in. */
    static Viewer viewer(String id) {
        DemoSchool.DemoUser u = DemoSchool.USERS.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        return new Viewer(u.id(), u.first() + " " + u.last(), Set.copyOf(u.groups()));
    }

    boolean hasHistory() {
        Long rows = jdbc.queryForObject("select (select count(*) from attendance_week) + (select count(*) from incident)"
                + " + (select count(*) from referral) + (select count(*) from oncall_call)", Long.class);
        return rows != null && rows > 0;
    }

    void seed() {
        if (hasHistory()) {
            return;
        }
        Stopwatch watch = new Stopwatch();
        DemoDays days = DemoDays.before(LocalDate.now(clock), termDates.terms(), termDates.calendar(), clock.getZone());
        Random random = new Random(SEED);
        List<Student> all = new ArrayList<>(students.findAll());
        all.sort(Comparator.comparing(Student::getUpn));
        List<Student> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, random);

        Map<Student, DemoAttendance.Pattern> patterns = new HashMap<>();
        int next = 0;
        next = assign(patterns, shuffled, next, 14, DemoAttendance.Pattern.PERSISTENT);
        next = assign(patterns, shuffled, next, 2, DemoAttendance.Pattern.SEVERE);
        next = assign(patterns, shuffled, next, 1, DemoAttendance.Pattern.MISSING);
        next = assign(patterns, shuffled, next, 6, DemoAttendance.Pattern.FALLING);
        next = assign(patterns, shuffled, next, shuffled.size() / 8, DemoAttendance.Pattern.PATCHY);
        next = assign(patterns, shuffled, next, 8, DemoAttendance.Pattern.LATE);
        final int n = next;

        // the order of the steps is the order they draw from the one random seed: a new step goes at the end
        Backdate backdate = new Backdate(jdbc, clock);
        int concerns = watch.time("attendance", () -> attendance.seed(days, backdate, all, patterns, random));
        int incidentCount = watch.time("incidents", () -> incidents.seed(days, backdate, all, random));
        int referralCount = watch.time("referrals", () -> referrals.seed(days, backdate, shuffled.subList(n, n + 40)));
        int calls = watch.time("on-call", () -> oncall.seed(days, backdate, shuffled.subList(n + 40, n + 70), random));
        int scored = watch.time("report card", () -> reportCard.seed(days, backdate, shuffled.get(n + 70)));
        int logs = watch.time("behaviour", () -> behaviour.seed(days, backdate, all, shuffled.subList(n + 70, n + 73),
                shuffled.subList(n + 73, n + 77), random));
        int removed = watch.time("removals", () -> removals.seed(days, backdate, shuffled.subList(n + 77, n + 107), random));
        int familyContacts = watch.time("parents and carers", () -> family.seedContacts(all, random));
        int contactsHome = watch.time("contacts with home", () -> family.seedLog(days, backdate, shuffled.subList(n + 107, n + 147),
                random, clock.getZone(), LocalDate.now(clock)));
        // after the referrals: their PSO triage signposted before the directory existed
        int directory = watch.time("local services", services::seed);
        List<Student> families = shuffled.subList(n + 147, n + 170).stream().filter(x -> !x.isCpPlan()).limit(5).toList();
        int visited = watch.time("home visits", () -> homeVisits.seedDone(days, backdate, families.subList(0, 4)));
        Student lookedAfter = shuffled.subList(n + 171, shuffled.size()).stream().filter(Student::isInCare).findFirst()
                .orElse(shuffled.get(n + 171));
        int agencySeries = watch.time("multi-agency meetings", () -> agencyMeetings.seed(days, backdate, shuffled.get(n + 170), lookedAfter));
        int registers = watch.time("intervention groups", () -> interventions.seed(days, backdate, shuffled.subList(n + 180, n + 198),
                random));
        List<Student> persistent = all.stream().filter(s -> patterns.get(s) == DemoAttendance.Pattern.PERSISTENT).toList();
        int lettersSent = watch.time("letters home", () -> letters.seed(days, backdate, shuffled.subList(n + 200, n + 220), persistent,
                LocalDate.now(clock)));
        watch.time("backdating", () -> {
            backdate.apply();
            return 0;
        });
        // after the term is on its days: today's home visit, and the suspension waiting at its next steps
        String visitToday = watch.time("home visit today", () -> homeVisits.seedToday(families.get(4)));
        String suspended = watch.time("suspension", () -> suspension.seed(all));
        int[] sen = watch.time("SEN register", () -> send.seed(all, 16));
        log.info("Demo term ({}, {} to {}) seeded in {}: {} weeks of attendance opening {} concerns, {} incidents, {} concerns raised, "
                        + "{} on-call calls, a report card with {} lessons scored, suspension {} in progress, {} behaviour and achievement "
                        + "logs, {} removals, {} parents and carers, {} contacts with home, {} local services, {} home visits done and {} "
                        + "planned for today, {} pupils on the SEN register with {} EHCPs in annual review, {} multi-agency meeting series, "
                        + "3 intervention groups with {} registers, {} letters home sent from 6 templates. "
                        + "By step: {}",
                days.termName(), days.first(), days.last(), watch.total(), days.weeks().size(), concerns, incidentCount, referralCount,
                calls, scored, suspended, logs, removed, familyContacts, contactsHome, directory, visited, visitToday, sen[0], sen[1],
                agencySeries, registers, lettersSent, watch.steps());
    }

    /**
     * The time of each step, on the clock and in the thread's own processor time: on a busy machine the
     * clock says more about the machine than about the step.
     */
    static final class Stopwatch {
        private final java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        private final long started = System.nanoTime();
        private final long cpuStarted = cpu.getCurrentThreadCpuTime();
        private final List<String> steps = new ArrayList<>();

        <T> T time(String step, java.util.function.Supplier<T> work) {
            long wall = System.nanoTime();
            long processor = cpu.getCurrentThreadCpuTime();
            T result = work.get();
            steps.add(step + " " + seconds(System.nanoTime() - wall) + " s (" + seconds(cpu.getCurrentThreadCpuTime() - processor)
                    + " s of processor time)");
            return result;
        }

        String total() {
            return seconds(System.nanoTime() - started) + " s (" + seconds(cpu.getCurrentThreadCpuTime() - cpuStarted)
                    + " s of processor time)";
        }

        String steps() {
            return String.join(", ", steps);
        }
    }

    private static int assign(Map<Student, DemoAttendance.Pattern> patterns, List<Student> from, int next, int count,
                              DemoAttendance.Pattern pattern) {
        for (int i = 0; i < count; i++) {
            patterns.put(from.get(next + i), pattern);
        }
        return next + count;
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.UK, "%.2f", nanos / 1e9);
    }
}
