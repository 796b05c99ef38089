package org.pastoralflow.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.removal.Removal;
import org.pastoralflow.removal.Removals;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.springframework.stereotype.Component;

/**
 * A term of removals from lessons through the removal feature's own service: a few students removed
 * again and again (three of them in the last fortnight, so the early-intervention list shows the
 * rule), and single removals of others. Those sent to the reflection room have the room's register
 * filled in by the PSO, except on the last school day, which is left for the PSO to do.
 */
@Component
class DemoRemovals {

    private static final List<String> LESSONS = List.of("Maths, B12", "English, C4", "Science, lab 2", "History, A7", "PE, sports hall",
            "Drama, studio", "French, B3", "Computing, ICT suite", "Geography, A2", "Art, D1");
    private static final List<String> NOTES = List.of(
            "Talking over the teacher and throwing paper after two warnings; moved seats and still would not settle.",
            "Refused to put the phone away and swore when asked again.",
            "Kicking the chair of the student in front and laughing at them; would not stop.",
            "Walked around the room and would not sit down; the class could not start the practical.",
            "Called another student a name about their family; the class was upset.",
            "Shouting out repeatedly during the test; removed so others could finish.");
    private static final List<String> WORK = List.of("Worksheet on fractions from the lesson", "Reading comprehension, chapter 3",
            "Reflection sheet, then the lesson's questions", "Copying up notes on the water cycle", "Written apology and the lesson's task");
    private static final int[][] TIMES = {{9, 25}, {10, 10}, {11, 30}, {12, 15}, {13, 55}, {14, 40}};

    private static final Viewer TEACHER = DemoTerm.viewer("teacher");
    private static final Viewer PSO = DemoTerm.viewer("pso");

    private final Removals removals;

    DemoRemovals(Removals removals) {
        this.removals = removals;
    }

    /** Records the term's removals; returns how many. {@code students}: the first four are the "regulars". */
    int seed(DemoDays days, Backdate backdate, List<Student> students, Random random) {
        List<String> reasons = removals.settings().reasons();
        List<String> places = removals.settings().destinations();
        String room = removals.settings().registerDestinations().get(0);
        int count = 0;
        int day = 2;
        while (day < days.size()) {
            LocalDate on = days.fromStart(day);
            boolean lastFortnight = day >= days.size() - 10;
            // every other day a regular (most often) or someone else; in the last fortnight every day, the first
            // three regulars in turn, so each crosses the early-intervention rule (3 in 2 school weeks)
            Student who = lastFortnight ? students.get(day % 3)
                    : random.nextInt(3) > 0 ? students.get(random.nextInt(4)) : students.get(4 + random.nextInt(students.size() - 4));
            int[] t = TIMES[random.nextInt(TIMES.length)];
            String place = random.nextInt(4) == 0 ? places.get(1 + random.nextInt(places.size() - 1)) : room;
            Map<String, String> form = new HashMap<>();
            form.put("upn", who.getUpn());
            form.put("day", on.toString());
            form.put("time", LocalTime.of(t[0], t[1]).toString());
            form.put("period", "P" + (1 + java.util.Arrays.asList(TIMES).indexOf(t)));
            form.put("lesson", LESSONS.get(random.nextInt(LESSONS.size())));
            form.put("reason", reasons.get(random.nextInt(reasons.size() - 1)));
            form.put("note", NOTES.get(random.nextInt(NOTES.size())));
            form.put("destination", place);
            form.put("returnTime", LocalTime.of(t[0] + 1, t[1]).toString());
            Instant at = days.at(on, t[0], t[1]);
            Removal r = backdate.at(at.plusSeconds(120), () -> removals.record(new FormData(form), TEACHER));
            count++;
            if (place.equals(room) && day < days.size() - 1) {
                Map<String, String> register = Map.of("arrived", LocalTime.of(t[0], t[1]).plusMinutes(5).toString(),
                        "left", LocalTime.of(t[0] + 1, t[1]).toString(), "workSet", WORK.get(random.nextInt(WORK.size())));
                backdate.run(at.plusSeconds(3600), () -> removals.registerOne(r.getId(), new FormData(register), PSO));
            }
            day += lastFortnight ? 1 : 2;
        }
        return count;
    }
}
