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
 * ({@link DemoFamily}).
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
    private final DemoLetters letters;

    DemoTerm(JdbcTemplate jdbc, Clock clock, TermDates termDates, StudentRepository students, DemoAttendance attendance,
             DemoIncidents incidents, DemoReferrals referrals, DemoOncall oncall, DemoSuspension suspension,
             DemoReportCard reportCard, DemoBehaviour behaviour, DemoRemovals removals,
             DemoFamily family, DemoLetters letters) {
        this.family = family;
        this.letters = letters;
        this.suspension = suspension;
        this.jdbc = jdbc;
        this.clock = clock;
        this.termDates = termDates;
        this.students = students;
        this.attendance = attendance;
        this.incidents = incidents;
        this.referrals = referrals;
        this.oncall = oncall;
        this.reportCard = reportCard;
        this.behaviour = behaviour;
        this.removals = removals;
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
        long started = System.nanoTime();
        // the thread's own processor time as well: on a busy machine the clock time says more about the machine
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStarted = cpu.getCurrentThreadCpuTime();
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

        Backdate backdate = new Backdate(jdbc, clock);
        int concerns = attendance.seed(days, backdate, all, patterns, random);
        long cpuAttendance = cpu.getCurrentThreadCpuTime() - cpuStarted;
        int incidentCount = incidents.seed(days, backdate, all, random);
        int referralCount = referrals.seed(days, backdate, shuffled.subList(next, next + 40));
        int calls = oncall.seed(days, backdate, shuffled.subList(next + 40, next + 70), random);
        int scored = reportCard.seed(days, backdate, shuffled.get(next + 70));
        long behaviourStarted = System.nanoTime();
        long behaviourCpuStarted = cpu.getCurrentThreadCpuTime();
        int logs = behaviour.seed(days, backdate, all, shuffled.subList(next + 70, next + 73), shuffled.subList(next + 73, next + 77), random);
        long behaviourNanos = System.nanoTime() - behaviourStarted;
        long behaviourCpu = cpu.getCurrentThreadCpuTime() - behaviourCpuStarted;
        int removed = removals.seed(days, backdate, shuffled.subList(next + 77, next + 107), random);
        long familyStarted = System.nanoTime();
        long familyCpuStarted = cpu.getCurrentThreadCpuTime();
        int familyContacts = family.seedContacts(all, random);
        long contactsNanos = System.nanoTime() - familyStarted;
        long contactsCpu = cpu.getCurrentThreadCpuTime() - familyCpuStarted;
        int contactsHome = family.seedLog(days, backdate, shuffled.subList(next + 107, next + 147), random, clock.getZone(),
                LocalDate.now(clock));
        long familyNanos = System.nanoTime() - familyStarted;
        long familyCpu = cpu.getCurrentThreadCpuTime() - familyCpuStarted;
        long lettersStarted = System.nanoTime();
        List<Student> persistent = all.stream().filter(s -> patterns.get(s) == DemoAttendance.Pattern.PERSISTENT).toList();
        int lettersSent = letters.seed(days, backdate, shuffled.subList(next + 147, next + 167), persistent, LocalDate.now(clock));
        long lettersNanos = System.nanoTime() - lettersStarted;
        backdate.apply();
        // after the term is on its days: the suspension is today's, waiting at its next steps
        String suspended = suspension.seed(all);
        log.info("Demo term ({}, {} to {}) seeded in {} s ({} s of processor time, {} s of it attendance): {} weeks of attendance "
                        + "opening {} concerns, {} incidents, {} concerns raised, {} on-call calls, a report card with {} lessons scored, "
                        + "suspension {} in progress, {} behaviour and achievement logs ({} s, {} s of processor time), {} removals, "
                        + "{} parents and carers imported ({} ms, {} ms of processor time) and {} contacts with home logged ({} ms, {} ms of "
                        + "processor time, for both), {} letters home sent from 4 templates ({} ms)",
                days.termName(), days.first(), days.last(), seconds(System.nanoTime() - started),
                seconds(cpu.getCurrentThreadCpuTime() - cpuStarted), seconds(cpuAttendance), days.weeks().size(), concerns,
                incidentCount, referralCount, calls, scored, suspended, logs, seconds(behaviourNanos), seconds(behaviourCpu), removed,
                familyContacts, contactsNanos / 1_000_000, contactsCpu / 1_000_000, contactsHome, familyNanos / 1_000_000,
                familyCpu / 1_000_000, lettersSent, lettersNanos / 1_000_000);
    }

    private static int assign(Map<Student, DemoAttendance.Pattern> patterns, List<Student> from, int next, int count,
                              DemoAttendance.Pattern pattern) {
        for (int i = 0; i < count; i++) {
            patterns.put(from.get(next + i), pattern);
        }
        return next + count;
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.UK, "%.1f", nanos / 1e9);
    }
}
