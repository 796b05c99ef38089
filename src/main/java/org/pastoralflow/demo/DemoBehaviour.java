package org.pastoralflow.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.pastoralflow.behaviour.BehaviourFollowUp;
import org.pastoralflow.behaviour.BehaviourProcess;
import org.pastoralflow.behaviour.BehaviourSettings;
import org.pastoralflow.behaviour.BehaviourThresholds;
import org.pastoralflow.behaviour.QuickLog;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.workflow.TaskForms;
import org.pastoralflow.workflow.TaskInbox;
import org.springframework.stereotype.Component;

/**
 * A term of quick logs: every school day a few behaviour logs in lessons and around school and a
 * few achievements, and each week a class's homework; a handful of students who keep being logged
 * (so some weeks cross the threshold and the Head of Year decides, and a few are on the
 * early-intervention list) and a handful who keep earning achievements (so the celebration list
 * has milestones). All through the quick log's own service, each put on its day.
 */
@Component
class DemoBehaviour {

    private static final List<String> PLACES = List.of("English, period 1", "Maths, period 2", "Science lab 2, period 3",
            "History, period 4", "PE, period 5", "Lunch hall", "Corridor by the library", "Art, period 2", "Geography, period 4");
    private static final List<String> NOTES = List.of("", "", "Talking over others after two reminders.",
            "Spoke to them after the lesson.", "", "Calmed down quickly once moved.", "");
    private static final int[][] TIMES = {{9, 15}, {10, 5}, {11, 20}, {12, 10}, {12, 50}, {14, 0}, {14, 45}};
    private static final Viewer TEACHER = DemoTerm.viewer("teacher");
    private static final Viewer HOY = DemoTerm.viewer("hoy");
    private static final Viewer PSO = DemoTerm.viewer("pso");
    private static final List<String> DECISIONS = List.of(BehaviourProcess.PSO_CHECK_IN, BehaviourProcess.NOTHING,
            BehaviourProcess.ON_REPORT);

    private final QuickLog quickLog;
    private final BehaviourSettings settings;
    private final BehaviourThresholds thresholds;
    private final TaskInbox inbox;
    private final TaskForms forms;

    DemoBehaviour(QuickLog quickLog, BehaviourSettings settings, BehaviourThresholds thresholds, TaskInbox inbox, TaskForms forms) {
        this.quickLog = quickLog;
        this.settings = settings;
        this.thresholds = thresholds;
        this.inbox = inbox;
        this.forms = forms;
    }

    /** Logs the term; returns how many logs. */
    int seed(DemoDays days, Backdate backdate, List<Student> all, List<Student> regulars, List<Student> stars, Random random) {
        List<BehaviourSettings.Category> behaviour = settings.categories().stream().filter(c -> !c.achievement() && c.incidentType() == null)
                .toList();
        List<BehaviourSettings.Category> achievement = settings.categories().stream().filter(BehaviourSettings.Category::achievement)
                .toList();
        int count = 0;
        for (int d = 0; d < days.size(); d++) {
            LocalDate on = days.fromStart(d);
            // a behaviour and an achievement of anyone, and a small group's behaviour every other day
            count += log(backdate, days, on, random, List.of(all.get(random.nextInt(all.size()))), pick(behaviour, random));
            count += log(backdate, days, on, random, List.of(all.get(random.nextInt(all.size()))), pick(achievement, random));
            if (d % 2 == 0) {
                int from = random.nextInt(all.size() - 3);
                count += log(backdate, days, on, random, all.subList(from, from + 3), pick(behaviour, random));
            }
            // the students who keep being logged, twice a day between them, now and then two at once
            for (int i = 0; i < 2; i++) {
                List<Student> who = new ArrayList<>(List.of(regulars.get(random.nextInt(regulars.size()))));
                Student other = regulars.get(random.nextInt(regulars.size()));
                if (random.nextInt(4) == 0 && !who.contains(other)) {
                    who.add(other);
                }
                count += log(backdate, days, on, random, who, pick(behaviour, random));
                // the students who keep earning achievements
                count += log(backdate, days, on, random, List.of(stars.get(random.nextInt(stars.size()))), pick(achievement, random));
            }
            if (d % 5 == 4) {
                // a class's homework, all at once: one tutor group in turn
                Student any = all.get(random.nextInt(all.size()));
                List<Student> group = all.stream().filter(s -> any.getRegGroup() != null && any.getRegGroup().equals(s.getRegGroup()))
                        .limit(settings.maxStudents()).toList();
                count += log(backdate, days, on, random, group, settings.category("homework").orElse(achievement.get(0)));
            }
        }
        decide(days, backdate, regulars);
        return count;
    }

    private int log(Backdate backdate, DemoDays days, LocalDate on, Random random, List<Student> who, BehaviourSettings.Category category) {
        int[] time = TIMES[random.nextInt(TIMES.length)];
        Instant at = days.at(on, time[0], time[1]);
        String note = NOTES.get(random.nextInt(NOTES.size()));
        String place = PLACES.get(random.nextInt(PLACES.size()));
        backdate.at(at, () -> quickLog.record(who, category, place, note.isEmpty() || category.achievement() ? null : note, at,
                TEACHER.userId()));
        return 1;
    }

    /** The Head of Year decides each follow-up but those of the last week, which wait in the inbox; a PSO check-in is done. */
    private void decide(DemoDays days, Backdate backdate, List<Student> regulars) {
        LocalDate lastWeek = days.last().with(java.time.DayOfWeek.MONDAY);
        int n = 0;
        for (Student s : regulars) {
            for (BehaviourFollowUp f : thresholds.of(s.getId())) {
                if (!f.getWeekStart().isBefore(lastWeek) || f.getProcessInstanceId() == null) {
                    continue;
                }
                String decision = DECISIONS.get(n++ % DECISIONS.size());
                Instant decidedAt = days.at(f.getWeekStart().plusDays(7), 10, 30);
                inbox.openTaskId(f.getProcessInstanceId(), "Task_DecideFollowUp").ifPresent(task -> backdate.run(decidedAt,
                        () -> forms.complete(task, new FormData(Map.of(BehaviourProcess.DECISION, decision, "rationale",
                                "A week with " + f.getPoints() + " behaviour points; spoke to the form tutor first.")), HOY)));
                if (BehaviourProcess.PSO_CHECK_IN.equals(decision)) {
                    inbox.openTaskId(f.getProcessInstanceId(), "Task_PsoCheckIn").ifPresent(task -> backdate.run(decidedAt.plusSeconds(86400),
                            () -> forms.complete(task, new FormData(Map.of("checkedInOn", decidedAt.atZone(days.zone()).toLocalDate()
                                    .plusDays(1).toString(), "notes", "Talked through the week; agreed to sit at the front in Maths.")), PSO)));
                }
            }
        }
    }

    private static <T> T pick(List<T> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }
}
