package org.pastoralflow.settings;

import static org.pastoralflow.settings.Setting.Guard.SAFEGUARDING;
import static org.pastoralflow.settings.Setting.Guard.SCHOOL;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pastoralflow.settings.Setting.Column;
import org.pastoralflow.settings.Setting.Guard;
import org.pastoralflow.settings.Setting.Kind;

/**
 * Every setting a school changes on the settings page, in the order the page shows them, and nothing
 * else: a property not listed here is changed in application.yml by whoever runs the system. Adding
 * a line here puts a setting on the page; its default stays in application.yml (checked at start-up).
 */
public final class SettingsCatalogue {

    /** The deadlines (pastoral.deadlines.*), all in school days from 0 (the same school day) to 60. */
    private static final Object[][] DEADLINES = {
            // section, key under pastoral.deadlines, label, guard, help
            {"Deadlines: concerns and referrals", "referral.dsl-review", "DSL review of a concern", SAFEGUARDING,
                    "KCSIE: the DSL acts on a concern promptly. Escalated to the other DSLs and the Headteacher when untouched."},
            {"Deadlines: concerns and referrals", "referral.pso-triage", "PSO triage of a concern", SCHOOL, null},
            {"Deadlines: concerns and referrals", "referral.senco-review", "SENCO review of a concern", SCHOOL, null},
            {"Deadlines: concerns and referrals", "referral.external-referral", "Record the external referral (agency, date, reference)",
                    SAFEGUARDING, null},
            {"Deadlines: concerns and referrals", "referral.agency-feedback", "Chase an agency's feedback when none has come after",
                    SAFEGUARDING, null},
            {"Deadlines: concerns and referrals", "referral.monitoring-review", "Review a concern kept under monitoring after", SCHOOL,
                    "30 school days is six school weeks."},
            {"Deadlines: concerns and referrals", "referral.support-plan", "Write the support plan", SCHOOL, null},
            {"Deadlines: concerns and referrals", "referral.plan-review", "Review a support plan every", SCHOOL,
                    "30 school days is six school weeks."},
            {"Deadlines: concerns and referrals", "referral.plan-review-task", "Do a support plan's review once it is due", SCHOOL, null},
            {"Deadlines: attendance", "attendance.contact-home", "Contact home about absence", SCHOOL, null},
            {"Deadlines: attendance", "attendance.meeting", "Hold the attendance meeting", SCHOOL, null},
            {"Deadlines: attendance", "attendance.review", "Review an attendance concern after", SCHOOL, "20 school days is four school weeks."},
            {"Deadlines: attendance", "attendance.review-task", "Do the attendance review once it is due", SCHOOL, null},
            {"Deadlines: attendance", "attendance.notify-la", "Tell the local authority's attendance team", SCHOOL, null},
            {"Deadlines: attendance", "attendance.dsl-review", "DSL review of severe absence", SAFEGUARDING, null},
            {"Deadlines: attendance", "attendance.missing-education", "Tell the local authority of a child missing education",
                    SAFEGUARDING, "After 10 days' unexplained absence the authority is told without delay."},
            {"Deadlines: attendance", "attendance.lateness", "Follow up persistent lateness", SCHOOL, null},
            {"Deadlines: incidents and suspensions", "investigation.use-of-force", "Record a use of force and tell the parents", SCHOOL,
                    "0 is the same school day (DfE, Use of reasonable force, 2013)."},
            {"Deadlines: incidents and suspensions", "investigation.assign", "Assign an investigator", SCHOOL, null},
            {"Deadlines: incidents and suspensions", "investigation.statements", "Take the statements", SCHOOL, null},
            {"Deadlines: incidents and suspensions", "investigation.cctv", "Check the CCTV", SCHOOL,
                    "Before the footage is overwritten (pastoral.investigation.cctv-retention-days)."},
            {"Deadlines: incidents and suspensions", "investigation.lsc", "Consult the Learning Support Centre", SCHOOL, null},
            {"Deadlines: incidents and suspensions", "investigation.outcome", "Decide the outcome", SCHOOL, null},
            {"Deadlines: incidents and suspensions", "investigation.head-approval", "Headteacher's decision on a suspension or exclusion",
                    SCHOOL, null},
            {"Deadlines: incidents and suspensions", "investigation.senco", "SENCO's advice before a suspension is decided", SCHOOL, null},
            {"Deadlines: incidents and suspensions", "investigation.parents", "Contact the parents after an incident", SCHOOL, null},
            {"Deadlines: incidents and suspensions", "suspension.parent-notice", "Send the parents the suspension notice", SCHOOL,
                    "The 2012 Regulations say without delay: 0 is the end of the day the Headteacher decided."},
            {"Deadlines: incidents and suspensions", "suspension.local-authority", "Tell the local authority of a suspension", SCHOOL,
                    "Without delay (2012 Regulations, reg. 5)."},
            {"Deadlines: incidents and suspensions", "suspension.governing-board", "Tell the governing board when it must be told", SCHOOL,
                    "Without delay (2012 Regulations, reg. 5)."},
            {"Deadlines: incidents and suspensions", "suspension.virtual-school-head", "Tell the virtual school head (a looked-after pupil)",
                    SCHOOL, null},
            {"Deadlines: incidents and suspensions", "suspension.reinstatement", "Governors consider reinstatement within", SCHOOL,
                    "15 school days of the notice (2012 Regulations, reg. 6)."},
            {"Deadlines: behaviour, mediation and report cards", "behaviour.decide", "Head of Year decides on a week over the threshold",
                    SCHOOL, null},
            {"Deadlines: behaviour, mediation and report cards", "behaviour.pso-check-in", "PSO's check-in after a behaviour week", SCHOOL, null},
            {"Deadlines: behaviour, mediation and report cards", "mediation.suitability", "Check a mediation is suitable", SCHOOL, null},
            {"Deadlines: behaviour, mediation and report cards", "mediation.consent", "Ask each party's consent", SCHOOL, null},
            {"Deadlines: behaviour, mediation and report cards", "mediation.pre-meeting", "Meet each party before", SCHOOL, null},
            {"Deadlines: behaviour, mediation and report cards", "mediation.meeting", "Hold the restorative meeting", SCHOOL, null},
            {"Deadlines: behaviour, mediation and report cards", "mediation.follow-up", "Follow-up check-in after the meeting", SCHOOL, null},
            {"Deadlines: behaviour, mediation and report cards", "mediation.check-in", "Do the follow-up check-in once due", SCHOOL, null},
            {"Deadlines: behaviour, mediation and report cards", "mediation.review", "Review the mediation after the check-in", SCHOOL, null},
            {"Deadlines: behaviour, mediation and report cards", "mediation.hoy-review", "Head of Year's review of an escalated mediation",
                    SCHOOL, null},
            {"Deadlines: behaviour, mediation and report cards", "report-card.review", "Review a report card once its review is due", SCHOOL,
                    null},
            {"Deadlines: transition, SEND, meetings and records", "transition.primary-info", "Primary's transition information, from the import",
                    SCHOOL, "Chased when it has not come by then."},
            {"Deadlines: transition, SEND, meetings and records", "transition.chase-again", "Chase the primary again every", SCHOOL, null},
            {"Deadlines: transition, SEND, meetings and records", "transition.missed-day", "Follow up a missed transition day", SCHOOL, null},
            {"Deadlines: transition, SEND, meetings and records", "transition.cp-file-withdrawn",
                    "A place declined: tell the primary, or pass on its CP file", SAFEGUARDING, null},
            {"Deadlines: transition, SEND, meetings and records", "leaver.receipt", "Confirmation that a leaver's CP file arrived",
                    SAFEGUARDING, "KCSIE: the DSL makes sure the new school has received it; escalated when none after this."},
            {"Deadlines: transition, SEND, meetings and records", "send.support-review", "Review a SEN support plan every", SCHOOL,
                    "60 school days is about 12 school weeks: three reviews a year (SEND Code of Practice 6.44-6.56)."},
            {"Deadlines: transition, SEND, meetings and records", "send.support-review-task", "Do a SEN support review once due", SCHOOL, null},
            {"Deadlines: transition, SEND, meetings and records", "agency-meeting.record", "Record a multi-agency meeting's minutes",
                    SAFEGUARDING, "Child protection and Child in Need meetings are kept by the DSL group."},
            {"Deadlines: transition, SEND, meetings and records", "agency-meeting.chase", "Chase another agency's overdue action",
                    SAFEGUARDING, null},
            {"Deadlines: transition, SEND, meetings and records", "retention.decide", "DSL decides on records past their retention",
                    SAFEGUARDING, null},
            {"Deadlines: transition, SEND, meetings and records", "workflows.table-change-approval",
                    "DSL approves or refuses a change to a safeguarding routing table", SAFEGUARDING, null},
    };

    private static final List<String> INCIDENT_TYPES = List.of("fight", "bullying", "damage", "discriminatory-language",
            "harmful-sexual-behaviour", "online", "other");

    private static final List<Setting> ALL = build();

    private SettingsCatalogue() {
    }

    private static List<Setting> build() {
        List<Setting> all = new ArrayList<>();
        for (Object[] d : DEADLINES) {
            all.add(whole((String) d[0], "deadlines." + d[1], (String) d[2], 0, 60, "school days", (Guard) d[3], (String) d[4]));
        }
        String attendance = "Attendance thresholds";
        all.add(decimal(attendance, "attendance.persistent-absence-percent", "Persistent absence: sessions missed", 1, 100, "%",
                "DfE, Working together to improve school attendance (2024): 10 % or more. A PSO concern opens at this line."));
        all.add(decimal(attendance, "attendance.severe-absence-percent", "Severe absence: sessions missed", 1, 100, "%",
                "DfE: 50 % or more. The DSL is told as well."));
        all.add(decimal(attendance, "attendance.improvement-points", "Counts as improving after a rise of", 0, 50, "percentage points", null));
        all.add(whole(attendance, "attendance.quiet-weeks", "A concern closed this recently is not reopened by an import", 0, 52, "weeks",
                SCHOOL, null));
        all.add(whole(attendance, "attendance.lateness-marks", "Persistent lateness: late marks", 1, 100, "late marks", SCHOOL,
                "No statutory line: the school's behaviour and attendance policies set it."));
        all.add(whole(attendance, "attendance.lateness-weeks", "Persistent lateness: counted over the last", 1, 20, "weeks", SCHOOL, null));
        String behaviour = "Behaviour";
        all.add(whole(behaviour, "behaviour.max-students", "Students one quick log may name at most", 1, 500, "students", SCHOOL, null));
        all.add(new Setting("behaviour.categories", behaviour, "Behaviour and achievement categories", Kind.ROWS, null, null, null, SCHOOL,
                "Points are negative for behaviour, positive for achievement. A log keeps the points it was made with; "
                        + "a code that logs use cannot be taken out (change its label instead).",
                List.of(new Column("code", "Code", Kind.TEXT_LIST, 0, 0, 40, true, false, List.of()),
                        new Column("label", "Label", Kind.TEXT_LIST, 0, 0, 80, true, false, List.of()),
                        new Column("points", "Points", Kind.WHOLE, -100, 100, 4, true, true, List.of()),
                        new Column("incident-type", "Becomes an incident of type", Kind.TEXT_LIST, 0, 0, 40, false, false,
                                INCIDENT_TYPES))));
        String early = "Early-intervention list";
        all.add(whole(early, "early-intervention.incidents.count", "Incidents (as target or alleged perpetrator)", 1, 50, "incidents",
                SCHOOL, null));
        all.add(whole(early, "early-intervention.incidents.school-weeks", "... in the last", 1, 20, "school weeks", SCHOOL, null));
        all.add(whole(early, "early-intervention.attendance.weeks", "Attendance compared over periods of", 1, 20, "weeks", SCHOOL, null));
        all.add(decimal(early, "early-intervention.attendance.drop-points", "... listed when it drops by at least", 0.5, 100,
                "percentage points", null));
        all.add(whole(early, "early-intervention.concern-on-plan.school-weeks", "A concern while on a support plan, in the last", 1, 20,
                "school weeks", SCHOOL, null));
        all.add(whole(early, "early-intervention.behaviour.points", "Negative behaviour points in the half term", 1, 500, "points", SCHOOL,
                null));
        all.add(whole(early, "early-intervention.removals.count", "Removals from lessons", 1, 50, "removals", SCHOOL, null));
        all.add(whole(early, "early-intervention.removals.school-weeks", "... in the last", 1, 20, "school weeks", SCHOOL, null));
        String dashboards = "Dashboards and the governors' data pack";
        all.add(whole(dashboards, "dashboards.governors-smallest-count", "Smallest count the governors' pack shows", 1, 50, "",
                SCHOOL, "Smaller counts (but not none) are shown as \"fewer than\" it, so no child can be recognised; 1 shows every count."));
        all.add(whole(dashboards, "dashboards.top-locations", "Places the incident location chart names", 1, 50, "places", SCHOOL, null));
        all.add(new Setting("removals.reasons", "Removals from lessons", "Reasons staff choose from", Kind.TEXT_LIST, null, null, null,
                SCHOOL, "A removal keeps the reason it was recorded with, so a reason can be reworded or taken out.", List.of()));
        return List.copyOf(all);
    }

    private static Setting whole(String section, String key, String label, int min, int max, String unit, Guard guard, String help) {
        return new Setting(key, section, label, Kind.WHOLE, BigDecimal.valueOf(min), BigDecimal.valueOf(max), unit.isEmpty() ? null : unit,
                guard, help, List.of());
    }

    private static Setting decimal(String section, String key, String label, double min, double max, String unit, String help) {
        return new Setting(key, section, label, Kind.DECIMAL, BigDecimal.valueOf(min).stripTrailingZeros(),
                BigDecimal.valueOf(max).stripTrailingZeros(), unit, SCHOOL, help, List.of());
    }

    public static List<Setting> all() {
        return ALL;
    }

    public static Optional<Setting> byKey(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The settings by section, in the page's order. */
    public static Map<String, List<Setting>> sections() {
        Map<String, List<Setting>> sections = new LinkedHashMap<>();
        ALL.forEach(s -> sections.computeIfAbsent(s.section(), k -> new ArrayList<>()).add(s));
        return sections;
    }
}
