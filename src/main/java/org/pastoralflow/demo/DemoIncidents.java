package org.pastoralflow.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.investigation.IncidentType;
import org.pastoralflow.investigation.IncidentLog;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.springframework.stereotype.Component;

/**
 * A term of incidents, logged through the investigation service as a member of staff would log
 * them (so each is in the case files of the students involved, and discriminatory language and
 * harmful sexual behaviour go to the DSL as referrals): every type, in the places and at the times
 * of day incidents happen in a secondary school, most at break and lunch. A handful of students are
 * involved again and again, and two of them three times in the last fortnight, so the
 * early-intervention list names them. Each investigation waits at its first step, for a Head of
 * Year or the Pastoral Lead to assign an investigator.
 */
@Component
class DemoIncidents {

    /** Incidents of each type over the term: fights and bullying most, harmful sexual behaviour rarely. */
    private static final Map<IncidentType, Integer> HOW_MANY = Map.of(IncidentType.FIGHT, 10, IncidentType.BULLYING, 9,
            IncidentType.DAMAGE, 5, IncidentType.DISCRIMINATORY_LANGUAGE, 3, IncidentType.HARMFUL_SEXUAL_BEHAVIOUR, 2,
            IncidentType.ONLINE, 6, IncidentType.OTHER, 4);

    private static final Map<IncidentType, List<String>> PLACES = Map.of(
            IncidentType.FIGHT, List.of("Playground", "Playground", "Field", "Canteen", "Corridor by the science block",
                    "Bus stop on Station Road"),
            IncidentType.BULLYING, List.of("Corridor by the science block", "Changing rooms", "Canteen", "Playground",
                    "Toilets by the sports hall"),
            IncidentType.DAMAGE, List.of("Toilets by the sports hall", "Room B12", "Library"),
            IncidentType.DISCRIMINATORY_LANGUAGE, List.of("Room B12", "Canteen", "Corridor by the science block"),
            IncidentType.HARMFUL_SEXUAL_BEHAVIOUR, List.of("Changing rooms", "Corridor by the science block"),
            IncidentType.ONLINE, List.of("Online (class group chat)", "Online (social media)"),
            IncidentType.OTHER, List.of("Room C4", "Library", "Reception"));

    private static final Map<IncidentType, String> WHAT = Map.of(
            IncidentType.FIGHT, "Two students came to blows after an argument over a football game; staff separated them.",
            IncidentType.BULLYING, "A student reported being repeatedly mocked and pushed by another student over several days.",
            IncidentType.DAMAGE, "A fire door closer and a tap were broken; the student involved admitted it when asked.",
            IncidentType.DISCRIMINATORY_LANGUAGE, "A racist remark was made to another student during the lesson, heard by the teacher.",
            IncidentType.HARMFUL_SEXUAL_BEHAVIOUR, "A student reported unwanted touching and comments from another student.",
            IncidentType.ONLINE, "Screenshots of unkind messages about a student were shared in a group chat in the evening.",
            IncidentType.OTHER, "A student left the lesson without permission and refused to return; found in another room.");

    /** Times of day, weighted towards break and lunch as incidents are. */
    private static final List<LocalTime> TIMES = List.of(LocalTime.of(8, 25), LocalTime.of(9, 35), LocalTime.of(10, 45),
            LocalTime.of(10, 50), LocalTime.of(10, 55), LocalTime.of(11, 40), LocalTime.of(12, 50), LocalTime.of(13, 0),
            LocalTime.of(13, 10), LocalTime.of(13, 20), LocalTime.of(14, 15), LocalTime.of(15, 20), LocalTime.of(15, 35));

    private static final Viewer TEACHER = DemoTerm.viewer("teacher");

    private final IncidentLog investigations;

    DemoIncidents(IncidentLog investigations) {
        this.investigations = investigations;
    }

    /** Logs the term's incidents; returns how many. */
    int seed(DemoDays days, Backdate backdate, List<Student> students, Random random) {
        Map<Integer, List<Student>> byYear = new HashMap<>();
        students.forEach(s -> byYear.computeIfAbsent(s.getYearGroup(), k -> new ArrayList<>()).add(s));
        // the students who are in trouble again and again: two per year group from 7 to 10
        List<Student> regulars = new ArrayList<>();
        for (int year = 7; year <= 10; year++) {
            List<Student> cohort = byYear.getOrDefault(year, List.of());
            for (int i = 0; i < 2 && !cohort.isEmpty(); i++) {
                regulars.add(cohort.get(random.nextInt(cohort.size())));
            }
        }
        int logged = 0;
        for (IncidentType type : IncidentType.values()) {
            for (int n = 0; n < HOW_MANY.get(type); n++) {
                // the last two weeks are kept for the repeated ones below
                LocalDate day = days.fromStart(random.nextInt(Math.max(1, days.size() - 10)));
                LocalTime time = type == IncidentType.ONLINE ? LocalTime.of(19 + random.nextInt(3), 10 * random.nextInt(6))
                        : TIMES.get(random.nextInt(TIMES.size()));
                Student perpetrator = regulars.get(random.nextInt(regulars.size()));
                List<Student> sameYear = byYear.get(perpetrator.getYearGroup());
                Student target = other(sameYear, Set.of(perpetrator), random);
                Student witness = random.nextInt(3) == 0 ? other(sameYear, Set.of(perpetrator, target), random) : null;
                log(days, backdate, day, time, type, PLACES.get(type).get(random.nextInt(PLACES.get(type).size())), perpetrator, target, witness,
                        type == IncidentType.FIGHT && n == 0);
                logged++;
            }
        }
        // in the last fortnight one regular has been in three fights, and one student bullied three times
        Student fighter = regulars.get(0);
        Student bullied = other(byYear.get(regulars.get(2).getYearGroup()), Set.of(regulars.get(2)), random);
        for (int n = 0; n < 3; n++) {
            Student target = other(byYear.get(fighter.getYearGroup()), Set.of(fighter), random);
            log(days, backdate, days.fromEnd(1 + 3 * n), LocalTime.of(12, 55), IncidentType.FIGHT, "Playground", fighter, target, null, false);
            log(days, backdate, days.fromEnd(2 + 3 * n), LocalTime.of(10, 50), IncidentType.BULLYING, n == 1 ? "Changing rooms" : "Corridor by the science block",
                    regulars.get(2), bullied, null, false);
            logged += 2;
        }
        return logged;
    }

    private void log(DemoDays days, Backdate backdate, LocalDate day, LocalTime time, IncidentType type, String place, Student perpetrator,
                     Student target, Student witness, boolean force) {
        Map<String, String> form = new HashMap<>();
        form.put("occurredOn", day.toString());
        form.put("occurredTime", time.toString());
        form.put("location", place);
        form.put("type", type.code());
        form.put("description", WHAT.get(type));
        form.put("staffInvolved", "Tess Teacher");
        form.put("upn-0", perpetrator.getUpn());
        form.put("part-0", "alleged-perpetrator");
        form.put("upn-1", target.getUpn());
        form.put("part-1", "target");
        if (witness != null) {
            form.put("upn-2", witness.getUpn());
            form.put("part-2", "witness");
        }
        if (force) {
            form.put("reasonableForce", "on");
        }
        LocalTime loggedAt = time.isAfter(LocalTime.of(16, 0)) ? LocalTime.of(8, 30) : time.plusMinutes(40);
        LocalDate loggedOn = time.isAfter(LocalTime.of(16, 0)) ? days.schoolDays().stream().filter(d -> d.isAfter(day)).findFirst()
                .orElse(day) : day;
        backdate.at(days.at(loggedOn, loggedAt.getHour(), loggedAt.getMinute()), () -> investigations.log(new FormData(form), TEACHER));
    }

    private static Student other(List<Student> from, Set<Student> not, Random random) {
        Student s;
        do {
            s = from.get(random.nextInt(from.size()));
        } while (not.contains(s));
        return s;
    }
}
