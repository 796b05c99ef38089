package org.pastoralflow.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.letters.LetterTemplates;
import org.pastoralflow.letters.Letters;
import org.pastoralflow.letters.TemplateVersion;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.springframework.stereotype.Component;

/**
 * The demo school's letter templates, written by the Pastoral Lead at the start of the term (the
 * attendance concern reworded a few weeks in), and a few letters home sent by the PSO through the
 * letters' own service: e-mails and letters for the post. The demo has no mail server, so its
 * e-mails show as not sent; their text is in the letter and the chronology all the same.
 */
@Component
class DemoLetters {

    private static final Viewer LEAD = DemoTerm.viewer("lead");
    private static final Viewer PSO = DemoTerm.viewer("pso");

    static final String GENERAL = """
            Dear {{contact.name}},

            I am writing about {{student.firstName}} ({{student.yearGroup}}, {{student.tutorGroup}}).

            {{letter.note}}

            If you would like to talk about this, please ring the pastoral office or reply to this letter.

            Yours sincerely,

            {{sender.name}}
            {{school.name}}""";
    static final String ATTENDANCE_V1 = """
            Dear {{contact.name}},

            {{student.firstName}}'s attendance this year is {{attendance.percentage}}. We expect every pupil to attend \
            at least 96% of the time.

            {{letter.note}}

            Yours sincerely,

            {{sender.name}}
            {{school.name}}""";
    static final String ATTENDANCE_V2 = """
            Dear {{contact.name}},

            We are writing because {{student.firstName}}'s attendance this school year is {{attendance.percentage}}. \
            Every day in school counts, and we would like to work with you to help {{student.firstName}} be here every day.

            {{letter.note}}

            Please contact the pastoral office if there is anything making it hard for {{student.firstName}} to come \
            to school: we may be able to help.

            Yours sincerely,

            {{sender.name}}
            {{school.name}}""";
    static final String POSITIVE = """
            Dear {{contact.name}},

            We wanted to let you know some good news: {{student.firstName}} has been a credit to {{student.tutorGroup}} \
            this week.

            {{letter.note}}

            Please pass on our congratulations at home.

            With best wishes,

            {{sender.name}}
            {{school.name}}""";
    static final String MEETING = """
            Dear {{contact.name}},

            We would like to invite you to a meeting about {{student.firstName}}'s progress and how we can support \
            {{student.firstName}} together.

            {{letter.note}}

            If the time does not suit you, please ring the pastoral office and we will find another.

            Yours sincerely,

            {{sender.name}}
            {{school.name}}""";

    /** Parents told in writing as well, after the call on the day (DfE, Use of reasonable force, 2013). */
    static final String USE_OF_FORCE = """
            Dear {{contact.name}},

            Further to our conversation today, I am writing to confirm that a member of staff needed to use \
            reasonable force with {{student.firstName}} today.

            {{letter.note}}

            We record every use of force and review it. If you would like to talk about what happened, or about \
            how we can support {{student.firstName}}, please ring the pastoral office.

            Yours sincerely,

            {{sender.name}}
            {{school.name}}""";
    /** For the transition steps that involve the parents: the interview, a missed transition day, settling in. */
    static final String TRANSITION = """
            Dear {{contact.name}},

            We are looking forward to {{student.firstName}} joining us in Year 7, and we would like to keep you \
            informed as {{student.firstName}} gets ready for the move.

            {{letter.note}}

            If you have any questions about the move, please ask for the transition team at the pastoral office.

            With best wishes,

            {{sender.name}}
            {{school.name}}""";

    private final LetterTemplates templates;
    private final Letters letters;

    DemoLetters(LetterTemplates templates, Letters letters) {
        this.templates = templates;
        this.letters = letters;
    }

    /** The six templates on the term's first day (the attendance one reworded three weeks in), and six letters across the term. Returns how many letters. */
    int seed(DemoDays days, Backdate backdate, List<Student> students, List<Student> persistentlyAbsent, LocalDate today) {
        // one step for the four: a step quicker than the clock's millisecond would be put on the next step's time
        List<TemplateVersion> first = backdate.at(days.at(days.fromStart(0), 8, 0), () -> List.of(
                save(null, "General letter", "A letter about {{student.firstName}}", GENERAL, "First version"),
                save(null, "Attendance concern", "{{student.firstName}}'s attendance", ATTENDANCE_V1, "First version"),
                save(null, "Positive news", "Good news about {{student.firstName}}", POSITIVE, "First version"),
                save(null, "Meeting invitation", "An invitation to meet about {{student.firstName}}", MEETING, "First version"),
                save(null, "Use of reasonable force", "What happened with {{student.firstName}} today", USE_OF_FORCE, "First version"),
                save(null, "Transition to Year 7", "{{student.firstName}}'s move to Year 7", TRANSITION, "First version")));
        TemplateVersion attendance = first.get(1);
        int rewordedOn = Math.min(days.size() - 1, 15);

        String[][] plan = {
                {"positive", "email", "Named in assembly on Friday for helping a new pupil find their way around."},
                {"attendance", "post", "We will review attendance again in four weeks."},
                {"meeting", "email", "Thursday at 3.30pm in the pastoral office, with the Head of Year."},
                {"general", "post", "Your child's planner has not been signed for two weeks; please check it each evening."},
                {"positive", "email", "Top of the year group for reading minutes this half term."},
                {"attendance", "email", "Please let us know the reason for last week's absences."}};
        Map<String, TemplateVersion> byName = Map.of("general", first.get(0), "attendance", attendance, "positive", first.get(2),
                "meeting", first.get(3));
        boolean reworded = false;
        int sent = 0;
        java.util.Iterator<Student> others = students.iterator();
        java.util.Iterator<Student> absent = persistentlyAbsent.iterator();
        for (int n = 0; n < plan.length; n++) {
            String[] p = plan[n];
            int day = Math.min(days.size() - 1, 5 + n * (days.size() - 6) / plan.length);
            Student student = next(p[0].equals("attendance") ? absent : others);
            if (student == null || !days.fromStart(day).isBefore(today)) {
                continue;
            }
            Letters.Recipient r = letters.recipients(student.getId()).get(0);
            // the reword goes in the same step as the letter after it: a step quicker than the clock's millisecond
            // would be put on the next step's time
            boolean reword = !reworded && day >= rewordedOn;
            reworded |= reword;
            String channel = p[1].equals("email") && r.byEmail() || !r.byPost() ? "email" : "post";
            Map<String, String> form = new HashMap<>();
            form.put("template", String.valueOf(byName.get(p[0]).getTemplateNo()));
            form.put("contact", String.valueOf(r.contact().getId()));
            form.put("channel", channel);
            form.put("note", p[2]);
            backdate.run(days.at(days.fromStart(day), 15, 30), () -> {
                if (reword) {
                    reword(attendance);
                }
                letters.send(student.getId(), new FormData(form), PSO);
            });
            sent++;
        }
        return sent;
    }

    /** The next student someone may write to, or null. */
    private Student next(java.util.Iterator<Student> from) {
        while (from.hasNext()) {
            Student s = from.next();
            if (!letters.recipients(s.getId()).isEmpty()) {
                return s;
            }
        }
        return null;
    }

    /** The attendance letter reworded a few weeks in: letters before it keep version 1, later ones use version 2. */
    private void reword(TemplateVersion attendance) {
        save(attendance, "Attendance concern", "{{student.firstName}}'s attendance", ATTENDANCE_V2,
                "Warmer, and offers help first (parents' feedback)");
    }
    private TemplateVersion save(TemplateVersion before, String name, String subject, String body, String reason) {
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("subject", subject);
        form.put("body", body);
        form.put("reason", reason);
        if (before != null) {
            form.put("basedOn", String.valueOf(before.getVersion()));
        }
        return templates.save(before == null ? null : before.getTemplateNo(), new FormData(form), LEAD);
    }
}
