package org.pastoralflow.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.homevisit.HomeVisit;
import org.pastoralflow.homevisit.HomeVisitRecording;
import org.pastoralflow.homevisit.HomeVisits;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.workflow.TaskForms;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Home visits through the feature's own services: a few done this term (planned, checked in, the
 * outcome in the chronology) and one planned for later today, waiting for its check-in. A visit is
 * planned for "now" (the form refuses a return that has passed), so a done visit is planned and
 * checked in at first start and then its own times are put on its day, as {@link Backdate} does for
 * the chronology entry its check-in wrote.
 */
@Component
class DemoHomeVisits {

    private static final List<String> STREETS = List.of("14 Larch Close", "3 Mill Lane", "27 Station Road", "8 Orchard Way");
    private static final List<String> WHY = List.of(
            "Attendance below 90 %: meet mum at home, as she has not come to school meetings.",
            "Welfare check after three days' absence with no contact from home.",
            "Take the support plan home and talk it through with dad.",
            "Follow-up after the behaviour meeting: agree the report card targets with the family.");
    private static final List<String> OUTCOMES = List.of("seen", "child-seen", "no-answer", "seen");

    private final HomeVisitRecording recording;
    private final HomeVisits visits;
    private final TaskForms forms;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoHomeVisits(HomeVisitRecording recording, HomeVisits visits, TaskForms forms, JdbcTemplate jdbc, Clock clock) {
        this.recording = recording;
        this.visits = visits;
        this.forms = forms;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Four visits done through the term; returns how many. Run before {@link Backdate#apply()}. */
    int seedDone(DemoDays days, Backdate backdate, List<Student> students) {
        Viewer pso = DemoTerm.viewer("pso");
        for (int i = 0; i < STREETS.size(); i++) {
            LocalDate on = days.fromStart(Math.min(days.size() - 1, 6 + i * (days.size() - 8) / STREETS.size()));
            Instant leaves = days.at(on, 13, 30);
            Student s = students.get(i);
            int n = i;
            HomeVisit v = backdate.at(leaves, () -> {
                HomeVisit planned = recording.plan(new FormData(form(s, n, n % 2 == 1 ? "hoy" : null)), pso);
                forms.complete(visits.checkInTask(planned).orElseThrow(), new FormData(Map.of("outcome", OUTCOMES.get(n),
                        "note", n == 2 ? "Left a card through the door; will ring tomorrow." : "Agreed to come in for a meeting next week.")), pso);
                return planned;
            });
            jdbc.update("update home_visit set leaves_at = ?, expected_back = ?, planned_at = ?, checked_in_at = ? where id = ?",
                    Timestamp.from(leaves), Timestamp.from(leaves.plus(Duration.ofMinutes(90))), Timestamp.from(leaves.minus(Duration.ofHours(3))),
                    Timestamp.from(leaves.plus(Duration.ofMinutes(80))), v.getId());
        }
        return STREETS.size();
    }

    /** One visit planned for later today, with two staff, waiting for its check-in; none when the day is nearly over. */
    String seedToday(Student student) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        if (now.toLocalTime().isAfter(LocalTime.of(21, 0))) {
            return "none (too late in the day)";
        }
        Map<String, String> form = form(student, 0, "hoy");
        form.put("leaves", now.toLocalTime().plusMinutes(30).toString());
        form.put("back", now.toLocalTime().plusMinutes(150).toString());
        form.put("familyFlagged", "on");
        return recording.plan(new FormData(form), DemoTerm.viewer("pso")).getReference();
    }

    private Map<String, String> form(Student s, int i, String second) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> form = new HashMap<>();
        form.put("upn", s.getUpn());
        form.put("address", STREETS.get(i) + ", Exampletown EX" + (i + 1) + " 4QT");
        form.put("purpose", WHY.get(i));
        form.put("day", now.toLocalDate().toString());
        form.put("leaves", now.toLocalTime().toString());
        form.put("back", now.toLocalTime().plusMinutes(Math.min(90, Math.max(1, LocalTime.MAX.toSecondOfDay() / 60 - now.toLocalTime().toSecondOfDay() / 60))).toString());
        form.put("leadVisitor", "pso");
        if (second != null) {
            form.put("secondVisitor", second);
        }
        form.put("visitorPhone", "07700 900" + (100 + i));
        return form;
    }
}
