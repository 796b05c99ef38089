package org.pastoralflow.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.send.SenRecording;
import org.pastoralflow.student.Student;
import org.springframework.stereotype.Component;

/**
 * The SEN register through the send feature's own service: areas of need and a one-page profile for
 * some pupils at SEN support (each starts their SEN support reviews), and ten pupils with an EHCP whose
 * annual reviews fall due across the year, one of them already overdue. Invented words, no real pupil.
 */
@Component
class DemoSend {

    /** Primary and secondary need, strengths, what is hard, what helps. */
    private static final List<String[]> PROFILES = List.of(
            new String[] {"SpLD", null, "Full of ideas in discussion; a talented cartoonist.", "Reading long texts and copying from the board.",
                    "Printed notes on cream paper; extra time; a reader in tests."},
            new String[] {"SEMH", "SLCN", "Loyal friend; works hard in PE and Food.", "Busy corridors and sudden changes of plan.",
                    "A heads-up before changes; a quiet place at break; a named adult to check in with."},
            new String[] {"ASD", null, "Remembers everything about trains and maps; honest.", "Noise in the canteen; group work without roles.",
                    "Ear defenders; a seat near the door; clear roles in group tasks."},
            new String[] {"MLD", null, "Kind and patient with younger pupils.", "Multi-step instructions; maths word problems.",
                    "Instructions one at a time, written down; worked examples."},
            new String[] {"SLCN", "SpLD", "Great sense of humour; loves drama.", "Following fast talk; finding the right word.",
                    "Time to answer; key words shown on the board; visual timetables."},
            new String[] {"HI", null, "Determined; excellent at art and design.", "Hearing in the hall and in the lab.",
                    "Radio aid used by every teacher; front seat; subtitles on videos."},
            new String[] {"SEMH", null, "Brave about trying again; good at football.", "Starting work; managing frustration.",
                    "A calm start to lessons; a time-out card; praise in private."},
            new String[] {"PD", null, "Organised and cheerful; a school council member.", "Stairs and carrying equipment.",
                    "Lift pass; a locker near lessons; a laptop for long writing."});

    private static final List<String> AUTHORITIES = List.of("Northshire County Council", "Riverton Borough Council");
    /** Months until each EHCP's review is due: one already past, the rest spread across the year. */
    private static final int[] DUE_IN_MONTHS = {-1, 1, 2, 3, 4, 6, 7, 8, 10, 11};

    private static final Viewer SENCO = DemoTerm.viewer("senco");

    private final SenRecording recording;
    private final Clock clock;

    DemoSend(SenRecording recording, Clock clock) {
        this.recording = recording;
        this.clock = clock;
    }

    /** Returns how many pupils' needs were recorded and how many EHCPs. */
    int[] seed(List<Student> all, int atSupport) {
        List<Student> support = all.stream().filter(s -> "K".equals(s.getSenStatus())).limit(atSupport).toList();
        List<Student> withPlans = all.stream().filter(Student::isEhcp).limit(DUE_IN_MONTHS.length).toList();
        int i = 0;
        for (Student s : support) {
            describe(s, PROFILES.get(i++ % PROFILES.size()));
        }
        LocalDate today = LocalDate.now(clock);
        for (int p = 0; p < withPlans.size(); p++) {
            Student s = withPlans.get(p);
            describe(s, PROFILES.get((p + 3) % PROFILES.size()));
            LocalDate lastReview = today.plusMonths(DUE_IN_MONTHS[p]).minusMonths(12).plusDays(p);
            Map<String, String> plan = new HashMap<>();
            plan.put("localAuthority", AUTHORITIES.get(p % AUTHORITIES.size()));
            plan.put("planOn", lastReview.minusYears(1 + p % 3).toString());
            plan.put("lastReviewOn", lastReview.toString());
            recording.recordPlan(s.getId(), new FormData(plan), SENCO);
        }
        return new int[] {support.size() + withPlans.size(), withPlans.size()};
    }

    private void describe(Student s, String[] profile) {
        Map<String, String> form = new HashMap<>();
        form.put("primaryNeed", profile[0]);
        if (profile[1] != null) {
            form.put("secondaryNeed", profile[1]);
        }
        form.put("strengths", profile[2]);
        form.put("needs", profile[3]);
        form.put("whatHelps", profile[4]);
        recording.describe(s.getId(), new FormData(form), SENCO);
    }
}
