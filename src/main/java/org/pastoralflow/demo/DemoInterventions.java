package org.pastoralflow.demo;

import org.pastoralflow.measure.Scale;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.intervention.Catalogue;
import org.pastoralflow.intervention.GroupMember;
import org.pastoralflow.intervention.GroupReads;
import org.pastoralflow.intervention.GroupRecords;
import org.pastoralflow.intervention.Intervention;
import org.pastoralflow.intervention.InterventionGroup;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.springframework.stereotype.Component;

/**
 * Three groups through the intervention feature's own services: an anger management group and a
 * self-esteem group run by PSOs from the second week of the term, their six registers taken (one
 * member withdraws) and exit scores recorded; and an emotional literacy group the SENCO runs as a SEND
 * record, started later, with its last sessions still to come and no exit scores yet.
 */
@Component
class DemoInterventions {

    private static final List<String> ABSENCES = List.of("Off sick", "On a school trip", "Music exam", "Medical appointment");
    private static final List<String> SOURCES = List.of("early-intervention", "plan", "referral", "hand");

    private final Catalogue catalogue;
    private final GroupRecords records;
    private final GroupReads reads;

    DemoInterventions(Catalogue catalogue, GroupRecords records, GroupReads reads) {
        this.catalogue = catalogue;
        this.records = records;
        this.reads = reads;
    }

    /** Seeds the three groups from {@code students} (at least 18); returns the number of registers taken. */
    int seed(DemoDays days, Backdate backdate, List<Student> students, Random random) {
        int taken = 0;
        taken += run(days, backdate, "anger-management", "Tuesday anger management", "Ms Okafor (PSO)", days.fromStart(6),
                students.subList(0, 7), DemoTerm.viewer("lead"), "pastoral", random, 2);
        taken += run(days, backdate, "self-esteem", "Thursday self-esteem group", "Mr Hughes (PSO)", days.fromStart(8),
                students.subList(7, 13), DemoTerm.viewer("lead"), "pastoral", random, -1);
        taken += run(days, backdate, "emotional-literacy", "Emotional literacy with the SENCO", "Mrs Patel (SENCO) and a TA",
                days.fromEnd(16), students.subList(13, 18), DemoTerm.viewer("senco"), "send", random, -1);
        return taken;
    }

    private int run(DemoDays days, Backdate backdate, String code, String name, String staff, LocalDate first, List<Student> members,
                    Viewer who, String level, Random random, int withdraws) {
        Intervention intervention = catalogue.byCode().get(code);
        Scale scale = catalogue.scaleOf(intervention);
        InterventionGroup group = backdate.at(days.at(first.minusDays(3), 15, 30), () -> records.create(new FormData(Map.of(
                "intervention", intervention.getId().toString(), "name", name, "staff", staff, "firstSession", first.toString(),
                "startsAt", "14:10", "sessionCount", "6", "level", level,
                "notes", "Room 14. Agreed ground rules in session 1; snacks from the pastoral budget.")), who));
        int span = scale.max() - scale.min();
        Map<Long, Integer> entry = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            // entry scores on the concerning side of the scale, as a referral to a group usually is
            int score = scale.higherIsBetter() ? scale.min() + span / 5 + random.nextInt(Math.max(1, span / 4))
                    : scale.max() - span / 3 - random.nextInt(Math.max(1, span / 4));
            Map<String, String> form = Map.of("upn", members.get(i).getUpn(), "source", SOURCES.get(i % SOURCES.size()),
                    "entryScore", String.valueOf(score));
            GroupMember m = backdate.at(days.at(first.minusDays(2), 12, 0), () -> records.addMember(group.getId(), new FormData(form), who));
            entry.put(m.getId(), score);
        }
        int taken = 0;
        for (int n = 1; n <= 6; n++) {
            LocalDate on = group.scheduled(n);
            if (on.isAfter(days.last())) {
                break;
            }
            Map<String, String> form = new HashMap<>();
            form.put("heldOn", on.toString());
            form.put("notes", n == 1 ? "Ground rules and a name game." : "Session " + n + " as planned.");
            List<GroupMember> register = reads.registerOf(group, who);
            for (int i = 0; i < register.size(); i++) {
                GroupMember m = register.get(i);
                String mark = n == 3 && i == withdraws ? "WITHDRAWN" : random.nextInt(12) == 0 ? "ABSENT" : "PRESENT";
                form.put("mark-" + m.getId(), mark);
                form.put("reason-" + m.getId(), mark.equals("WITHDRAWN") ? "Moved to 1:1 mentoring instead"
                        : ABSENCES.get(random.nextInt(ABSENCES.size())));
            }
            int number = n;
            backdate.at(days.at(on, 15, 5), () -> records.register(group.getId(), number, new FormData(form), who));
            taken++;
        }
        if (taken == 6) {
            Map<String, String> scores = new HashMap<>();
            for (GroupMember m : reads.membersOf(group, who)) {
                if (m.isWithdrawn()) {
                    continue;
                }
                int start = entry.get(m.getId());
                // most move the right way by a little; a few stay put or slip back
                int step = random.nextInt(10) < 7 ? 1 + random.nextInt(Math.max(1, span / 8)) : random.nextInt(3) - 1;
                int exit = Math.max(scale.min(), Math.min(scale.max(), start + (scale.higherIsBetter() ? step : -step)));
                scores.put("entry-" + m.getId(), String.valueOf(start));
                scores.put("exit-" + m.getId(), String.valueOf(exit));
            }
            backdate.at(days.at(group.lastSession(), 15, 20), () -> {
                records.scores(group.getId(), new FormData(scores), who);
                return null;
            });
        }
        return taken;
    }
}
