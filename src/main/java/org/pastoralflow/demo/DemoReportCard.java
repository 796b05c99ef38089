package org.pastoralflow.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.reportcard.ReportCard;
import org.pastoralflow.reportcard.ReportCardScoring;
import org.pastoralflow.reportcard.ReportCards;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.springframework.stereotype.Component;

/**
 * One student on a Head of Year report that began three school days before the last day of the
 * demo's term, with those days scored by the teachers (the odd lesson left unscored), so the scoring
 * page, the card and the student page show a card part-way through its first week.
 */
@Component
class DemoReportCard {

    private static final Viewer HOY = DemoTerm.viewer("hoy");
    private static final Viewer TEACHER = DemoTerm.viewer("teacher");
    /** The days' scores, period by period, for target 1 and target 2: a student settling slowly. */
    private static final int[][][] DAYS = {
            {{0, 1}, {1, 1}, {2, 1}, {0, 0}, {1, 2}},
            {{1, 2}, {2, 2}, {1, 1}, {2, 1}, {-1, -1}},
            {{2, 2}, {2, 1}, {2, 2}, {1, 2}, {2, 2}}};

    private final ReportCards cards;
    private final ReportCardScoring scoring;

    DemoReportCard(ReportCards cards, ReportCardScoring scoring) {
        this.cards = cards;
        this.scoring = scoring;
    }

    /** Puts the student on report and scores the days so far; returns the lessons scored. */
    int seed(DemoDays days, Backdate backdate, Student student) {
        LocalDate first = days.fromEnd(DAYS.length - 1);
        ReportCard card = backdate.at(days.at(first, 8, 15), () -> cards.startAsOf(new FormData(Map.of(
                "student", student.getId().toString(), "level", "head-of-year",
                "target1", "Arrive to every lesson on time and ready to learn",
                "target2", "Follow instructions the first time they are given",
                "reason", "Three removals from lessons and two late marks in a week; agreed with home on the phone.",
                "startsOn", first.toString(), "schoolDays", "10")), HOY, first));
        int lessons = 0;
        for (int d = 0; d < DAYS.length; d++) {
            LocalDate day = days.fromEnd(DAYS.length - 1 - d);
            Map<String, String> form = new HashMap<>(Map.of("day", day.toString()));
            for (int p = 0; p < DAYS[d].length; p++) {
                if (DAYS[d][p][0] < 0) {
                    continue;
                }
                form.put("p" + (p + 1) + "-t1", Integer.toString(DAYS[d][p][0]));
                form.put("p" + (p + 1) + "-t2", Integer.toString(DAYS[d][p][1]));
                lessons++;
            }
            backdate.run(days.at(day, 15, 20), () -> scoring.score(card.getReference(), new FormData(form), TEACHER));
        }
        return lessons;
    }
}
