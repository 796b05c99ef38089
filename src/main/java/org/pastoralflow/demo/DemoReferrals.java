package org.pastoralflow.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralProcess;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.workflow.Deadlines;
import org.pastoralflow.workflow.ProcessTimers;
import org.pastoralflow.workflow.TaskForms;
import org.pastoralflow.workflow.TaskInbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A term of concerns, each raised through the referral service and taken on through the tasks of
 * its process as the DSL, a PSO or the SENCO would, so the case files, the chronology and the
 * process agree: some closed (no further action, signposted, held by an agency, a support plan
 * closed at its review with an end measure against the baseline), and some open at every stage,
 * the newest still waiting for their first review. A support plan's six-week review comes by its
 * timer, run at once (the demo does not wait six weeks). Open tasks keep the due date the model
 * gives them counted from the day they were reached, so those reached long enough ago are overdue.
 */
@Component
class DemoReferrals {

    static final String TASK_EXTERNAL_REFERRAL = "Task_RecordExternalReferral";
    static final String TASK_AGENCY_FEEDBACK = "Task_RecordAgencyFeedback";
    static final String TASK_WRITE_PLAN = "Task_WriteSupportPlan";
    static final String TASK_REVIEW_PLAN = "Task_ReviewPlan";

    private static final Viewer TEACHER = DemoTerm.viewer("teacher");
    private static final Viewer DSL = DemoTerm.viewer("dsl");
    private static final Viewer PSO = DemoTerm.viewer("pso");
    private static final Viewer SENCO = DemoTerm.viewer("senco");

    /** A support plan's content: interventions (codes, comma separated), the scale, a note on it, baseline and end. */
    private record Plan(String interventions, String scale, String note, int baseline, int end, String goals) {
    }

    // each on one of the school's scales (pastoral.interventions.scales), as groups are, so the
    // provision map and the dashboard count a plan's change the way they count a group's
    private static final List<Plan> CLOSED_PLANS = List.of(
            new Plan("mentoring,check-ins", "plan-score", "WEMWBS wellbeing, scaled 0-100", 41, 63, "Feel able to talk to an adult when things go wrong."),
            new Plan("anger-management", "behaviour-points", "this half-term", 35, 18, "Walk away from arguments; use the time-out card."),
            new Plan("self-esteem,check-ins", "self-rating", "confidence in class", 3, 6, "Speak in class once a day; join a club."),
            new Plan("emotional-literacy", "sdq-total", "teacher's SDQ", 24, 17, "Name feelings and ask for help."),
            new Plan("thrive", "boxall", null, 58, 81, "Settle in the morning and stay in lessons."),
            new Plan("elsa,check-ins", "sdq-total", "parent's SDQ", 21, 23, "Cope with the loss of a grandparent; a safe place to go."),
            new Plan("mentoring", "attendance", "this half-term", 84, 95, "Attend every day; arrive before registration."));

    private static final List<Plan> RUNNING_PLANS = List.of(
            new Plan("mentoring", "plan-score", "WEMWBS wellbeing, scaled 0-100", 40, 0, "Build trust with a mentor; weekly goals."),
            new Plan("check-ins,self-esteem", "self-rating", "confidence in class", 3, 0, "Start the day calmly; one positive a day."),
            new Plan("anger-management,mentoring", "behaviour-points", "this half-term", 29, 0, "Fewer removals from lessons."),
            new Plan("elsa", "sdq-total", "teacher's SDQ", 22, 0, "Manage worry before tests."),
            new Plan("thrive,check-ins", "boxall", null, 61, 0, "Stay regulated through the lunch hour."));

    private final ReferralService referrals;
    private final TaskInbox inbox;
    private final TaskForms forms;
    private final ProcessTimers timers;
    private final Deadlines deadlines;
    private final JdbcTemplate jdbc;

    DemoReferrals(ReferralService referrals, TaskInbox inbox, TaskForms forms, ProcessTimers timers, Deadlines deadlines,
                  JdbcTemplate jdbc) {
        this.referrals = referrals;
        this.inbox = inbox;
        this.forms = forms;
        this.timers = timers;
        this.deadlines = deadlines;
        this.jdbc = jdbc;
    }

    /**
     * Raises and takes on the term's concerns about these students (each used once, in order);
     * returns how many were raised.
     */
    int seed(DemoDays days, Backdate backdate, List<Student> students) {
        Cast cast = new Cast(students);
        int d = days.size();
        int raised = 0;

        // closed: no further action, signposted, held by an agency
        Referral r = raise(days, backdate, cast.next(), "welfare", "Often tired and withdrawn in lessons; says they are not sleeping.", null, 4);
        decide(days, backdate, r, ReferralProcess.TASK_PSO_TRIAGE, PSO, 6, triage("signpost",
                "Sleep worries only; signposted to the school nurse drop-in and the family told."));
        r = raise(days, backdate, cast.next(), "behaviour", "Refused to hand in a phone and walked out of the lesson.", null, 10);
        decide(days, backdate, r, ReferralProcess.TASK_PSO_TRIAGE, PSO, 11, triage("no-further-action",
                "A one-off; dealt with under the behaviour policy, spoke with home."));
        r = raise(days, backdate, cast.next(), "safeguarding", "Came in with a bruise on the forearm; said a door at home caught it.",
                "\"I shut it on myself, it's fine.\"", 7);
        decide(days, backdate, r, ReferralProcess.TASK_DSL_REVIEW, DSL, 8, Map.of("decision", "no-further-action",
                "rationale", "Consistent account from the student and the parent; no other indicators; no previous concerns."));
        r = raise(days, backdate, cast.next(), "send", "Struggling to copy from the board; may need an eye test or a reading assessment.", null, 16);
        decide(days, backdate, r, ReferralProcess.TASK_SENCO_REVIEW, SENCO, 20, Map.of("decision", "no-further-action",
                "rationale", "Eye test showed short sight; glasses now worn and the difficulty has gone."));
        r = raise(days, backdate, cast.next(), "safeguarding", "Says there is often no food at home at the weekend.",
                "\"Mum says we have to wait till Monday.\"", 2);
        decide(days, backdate, r, ReferralProcess.TASK_DSL_REVIEW, DSL, 3, Map.of("decision", "early-help",
                "rationale", "Family under financial strain; parent agrees to an Early Help assessment."));
        decide(days, backdate, r, TASK_EXTERNAL_REFERRAL, DSL, 4, Map.of("agency", "early-help", "referredOn", days.fromStart(4).toString(),
                "agencyReference", "EH-" + days.first().getYear() + "-0413", "notes", "Parent consented by phone."));
        decide(days, backdate, r, TASK_AGENCY_FEEDBACK, DSL, 12, Map.of("decision", "closed", "feedbackOn", days.fromStart(12).toString(),
                "feedback", "Early Help worker allocated; food bank and benefits advice arranged.",
                "rationale", "Early Help holds the case; school will report any new concern."));
        raised += 5;

        // closed at the six-week review, each with an end measure against its baseline
        for (int i = 0; i < CLOSED_PLANS.size(); i++) {
            Plan plan = CLOSED_PLANS.get(i);
            String category = i == 5 ? "bereavement" : i == 6 ? "attendance" : i == 4 ? "send" : "welfare";
            int start = 1 + 3 * i;
            r = raise(days, backdate, cast.next(), category, "Low mood and falling out with friends; asked to see someone.", null, start);
            if (category.equals("send")) {
                decide(days, backdate, r, ReferralProcess.TASK_SENCO_REVIEW, SENCO, start + 2, Map.of("decision", "send-support",
                        "rationale", "Known to SEN support; Thrive sessions suit the need."));
            } else {
                decide(days, backdate, r, ReferralProcess.TASK_PSO_TRIAGE, PSO, start + 1, triage("accept", "Needs regular support in school."));
            }
            writePlan(days, backdate, r, category.equals("send") ? SENCO : PSO, start + 3, plan);
            timers.runNow(r.getProcessInstanceId());
            decide(days, backdate, r, TASK_REVIEW_PLAN, category.equals("send") ? SENCO : PSO, Math.min(d - 3, start + 33), Map.of(
                    "decision", "close", "endScore", String.valueOf(plan.end()), "handover", "Plan closed.",
                    "rationale", "Goals met at the review; the student and the family agree the plan can end."));
            raised++;
        }

        // open: waiting for a first review, the newest not yet due, some overdue
        r = raise(days, backdate, cast.next(), "safeguarding", "Told a friend that an older boy has been asking for photos.",
                "\"He said he'd share the others if I don't.\"", d - 1);
        due(days, r, ReferralProcess.TASK_DSL_REVIEW, d - 1, "referral.dsl-review");
        r = raise(days, backdate, cast.next(), "safeguarding", "Parent arrived to collect smelling strongly of alcohol; the student seemed anxious.", null, d - 4);
        due(days, r, ReferralProcess.TASK_DSL_REVIEW, d - 4, "referral.dsl-review");
        r = raise(days, backdate, cast.next(), "welfare", "Crying in the toilets at lunch; says everything is too much at the moment.", null, d - 2);
        due(days, r, ReferralProcess.TASK_PSO_TRIAGE, d - 2, "referral.pso-triage");
        r = raise(days, backdate, cast.next(), "young-carer", "Often late; mentioned looking after a younger brother when mum is unwell.", null, d - 5);
        due(days, r, ReferralProcess.TASK_PSO_TRIAGE, d - 5, "referral.pso-triage");
        r = raise(days, backdate, cast.next(), "send", "Finding it very hard to follow instructions in practical lessons.", null, d - 3);
        due(days, r, ReferralProcess.TASK_SENCO_REVIEW, d - 3, "referral.senco-review");
        raised += 5;

        // open further on: with an agency, monitored, support plans to write, running and due for review
        r = raise(days, backdate, cast.next(), "safeguarding", "Disclosed that a parent's partner hits them when angry.",
                "\"He hits me with a belt if I answer back.\"", d - 9);
        decide(days, backdate, r, ReferralProcess.TASK_DSL_REVIEW, DSL, d - 9, Map.of("decision", "social-care",
                "rationale", "Disclosure of physical harm: referred to children's social care the same day."));
        decide(days, backdate, r, TASK_EXTERNAL_REFERRAL, DSL, d - 9, Map.of("agency", "social-care", "referredOn", days.fromEnd(8).toString(),
                "agencyReference", "CSC-" + days.first().getYear() + "-1187", "notes", "Referred by phone, then the online form."));
        due(days, r, TASK_AGENCY_FEEDBACK, d - 9, "referral.agency-feedback");
        r = raise(days, backdate, cast.next(), "safeguarding", "Has lost weight and wears long sleeves in the heat; friends are worried.", null, d - 15);
        decide(days, backdate, r, ReferralProcess.TASK_DSL_REVIEW, DSL, d - 14, Map.of("decision", "monitor",
                "rationale", "No disclosure; tutor and PSO to check in weekly and report any change."));
        r = raise(days, backdate, cast.next(), "behaviour", "Removed from lessons five times this month; angry outbursts.", null, d - 6);
        decide(days, backdate, r, ReferralProcess.TASK_PSO_TRIAGE, PSO, d - 5, triage("accept", "Pattern of outbursts: a plan with anger management."));
        due(days, r, TASK_WRITE_PLAN, d - 5, "referral.support-plan");
        raised += 3;
        List<Referral> running = new ArrayList<>();
        for (int i = 0; i < RUNNING_PLANS.size(); i++) {
            int start = d - 28 + 4 * i;
            r = raise(days, backdate, cast.next(), i % 2 == 0 ? "welfare" : "behaviour", "Unsettled since the start of term; struggling with friendships.",
                    null, start);
            decide(days, backdate, r, ReferralProcess.TASK_PSO_TRIAGE, PSO, start + 1, triage("accept", "Needs regular support in school."));
            writePlan(days, backdate, r, PSO, start + 2, RUNNING_PLANS.get(i));
            running.add(r);
            raised++;
        }
        for (int i = 0; i < 2; i++) {
            int start = 3 + 4 * i;
            r = raise(days, backdate, cast.next(), "welfare", "Anxious about coming to school; stomach aches most mornings.", null, start);
            decide(days, backdate, r, ReferralProcess.TASK_PSO_TRIAGE, PSO, start + 1, triage("accept", "Needs regular support in school."));
            writePlan(days, backdate, r, PSO, start + 3, RUNNING_PLANS.get(3 + i));
            timers.runNow(r.getProcessInstanceId());
            due(days, r, TASK_REVIEW_PLAN, Math.min(d - 1, start + 33), "referral.plan-review-task");
            raised++;
        }

        // a new concern about a student on a running plan: the early-intervention list's "new concern while on a support plan"
        Student onPlan = cast.student(running.get(0).getStudentId());
        r = raise(days, backdate, onPlan, "welfare", "Seen arguing with a group at the gate; said they are being picked on again.", null, d - 2);
        due(days, r, ReferralProcess.TASK_PSO_TRIAGE, d - 2, "referral.pso-triage");
        raised++;

        decideIncidentReferrals(days, backdate);
        return raised;
    }

    /** The DSL reviews the referrals raised by incidents (discriminatory language, harmful sexual behaviour) the next school day. */
    private void decideIncidentReferrals(DemoDays days, Backdate backdate) {
        // the day of the incident: the referral's own times are put on their days only when the term is done
        Map<String, LocalDate> raised = new java.util.LinkedHashMap<>();
        jdbc.query("select r.reference, i.occurred_at from referral r join incident i on i.reference = r.raised_from_reference"
                + " where r.stage = 'WITH_DSL' order by r.id", rs -> {
            raised.put(rs.getString(1), rs.getTimestamp(2).toInstant().atZone(days.zone()).toLocalDate());
        });
        for (Map.Entry<String, LocalDate> row : raised.entrySet()) {
            Referral r = referrals.byReference(row.getKey()).orElseThrow();
            LocalDate raisedOn = row.getValue();
            int day = days.schoolDays().indexOf(raisedOn);
            if (day < 0 || day >= days.size() - 1) {
                continue;
            }
            decide(days, backdate, r, ReferralProcess.TASK_DSL_REVIEW, DSL, day + 1, Map.of("decision", "monitor", "rationale",
                    "Dealt with through the investigation; restorative work planned; monitor for repetition."));
        }
    }

    private Referral raise(DemoDays days, Backdate backdate, Student s, String category, String what, String words, int day) {
        LocalDate on = days.fromStart(Math.max(0, day));
        Map<String, String> form = new HashMap<>(Map.of("studentId", s.getId().toString(), "category", category,
                "description", what, "occurredAt", on.atTime(9, 10).toString(), "location", "Form room"));
        if (words != null) {
            form.put("childWords", words);
        }
        return backdate.at(days.at(on, 9, 40), () -> referrals.raise(new FormData(form), TEACHER));
    }

    /** Completes the referral's open task with this key, as the viewer would with the form, on that school day. */
    private void decide(DemoDays days, Backdate backdate, Referral r, String taskKey, Viewer who, int day, Map<String, String> form) {
        Map<String, String> withNote = new HashMap<>(form);
        // only read when the decision hands the referral to a group that may not read it
        withNote.putIfAbsent("handover", "Please see the student this week; the background is with the DSL.");
        String task = inbox.openTaskId(r.getProcessInstanceId(), taskKey)
                .orElseThrow(() -> new IllegalStateException("Demo referral " + r.getReference() + " has no open task " + taskKey));
        backdate.run(days.at(days.fromStart(Math.max(0, day)), 14, 15), () -> forms.complete(task, new FormData(withNote), who));
    }

    private void writePlan(DemoDays days, Backdate backdate, Referral r, Viewer who, int day, Plan plan) {
        Map<String, String> form = new HashMap<>(Map.of("goals", plan.goals(), "interventions", plan.interventions(),
                "measureScale", plan.scale(), "baselineScore", String.valueOf(plan.baseline()), "parentInformed", "on",
                "parentInformedHow", "Phone call with a parent, who agreed the plan."));
        if (plan.note() != null) {
            form.put("measureNote", plan.note());
        }
        decide(days, backdate, r, TASK_WRITE_PLAN, who, day, form);
    }

    /** The open task's due date as the model would have set it, counted from the school day it was reached. */
    private void due(DemoDays days, Referral r, String taskKey, int day, String deadline) {
        Instant reached = days.at(days.fromStart(Math.max(0, day)), 14, 15);
        inbox.reschedule(List.of(r.getProcessInstanceId()), List.of(taskKey), deadlines.after(Date.from(reached), deadline));
    }

    private static Map<String, String> triage(String decision, String rationale) {
        return Map.of("decision", decision, "rationale", rationale);
    }

    /** The students the concerns are about, each once. */
    private static final class Cast {
        private final List<Student> students;
        private int next;

        Cast(List<Student> students) {
            this.students = students;
        }

        Student next() {
            return students.get(next++);
        }

        Student student(Long id) {
            return students.stream().filter(s -> s.getId().equals(id)).findFirst().orElseThrow();
        }
    }
}
