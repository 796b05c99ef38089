package org.pastoralflow.homevisit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.family.FamilyContact;
import org.pastoralflow.family.FamilyContacts;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Classification;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.Group;
import org.pastoralflow.security.StaffDirectory;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.workflow.StudentPicker;
import org.pastoralflow.workflow.Processes;
import org.pastoralflow.workflow.References;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the pages and the check-in form write about a home visit: planning one (which starts
 * home-visit.bpmn) and the visitors' check-in at the end (which the chronology gets as a contact
 * with home). Everything is checked before anything is written.
 */
@Service
@EnableConfigurationProperties(HomeVisitSettings.class)
public class HomeVisitRecording {

    /** How the visit went, in the words of the check-in form. */
    public static final Map<String, String> OUTCOMES = new LinkedHashMap<>();

    static {
        OUTCOMES.put("seen", "Visit done: family seen");
        OUTCOMES.put("child-seen", "Visit done: child and family seen");
        OUTCOMES.put("no-answer", "Nobody at home");
        OUTCOMES.put("cut-short", "Left early: concern for our safety");
        OUTCOMES.put("called-off", "Did not go: visit called off");
    }

    /** A visit may be planned a little after it began (planned from the car), not long after. */
    static final Duration PLANNED_LATE = Duration.ofMinutes(30);

    private final HomeVisitRepository visits;
    private final Processes processes;
    private final References references;
    private final CaseStore caseStore;
    private final AccessPolicy policy;
    private final StudentPicker picker;
    private final StaffDirectory directory;
    private final HomeVisitSettings settings;
    private final Clock clock;

    private final FamilyContacts families;

    HomeVisitRecording(HomeVisitRepository visits, Processes processes, References references,
                       CaseStore caseStore, AccessPolicy policy, StudentPicker picker, StaffDirectory directory,
                       HomeVisitSettings settings, Clock clock, FamilyContacts families) {
        this.families = families;
        this.visits = visits;
        this.processes = processes;
        this.references = references;
        this.caseStore = caseStore;
        this.policy = policy;
        this.picker = picker;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The family's address as the school holds it, to fill the form in: the first contact in the MIS's
     * priority order the child lives with (else the first) whom the school may contact and whose
     * address may be disclosed ({@code family.FamilyContacts}, ADR 0023). Empty otherwise: the planner
     * types the address, which a restriction does not stop a visit needing.
     */
    public Optional<String> addressOnFile(Long studentId) {
        List<FamilyContact> contactable = families.contactable(studentId);
        return java.util.stream.Stream.concat(contactable.stream().filter(c -> Boolean.TRUE.equals(c.getLivesWithPupil())),
                        contactable.stream())
                .map(c -> families.disclosableAddress(c.getId())).flatMap(Optional::stream).findFirst();
    }

    /** Who may go on a visit: the caseworkers (a visitor must be able to read the visit they go on). */
    public Map<String, String> possibleVisitors() {
        Map<String, String> people = new java.util.TreeMap<>();
        for (String group : Group.CASEWORKERS) {
            directory.membersOf(group).forEach(u -> people.putIfAbsent(u, directory.displayName(u)));
        }
        Map<String, String> byName = new LinkedHashMap<>();
        people.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> byName.put(e.getKey(), e.getValue()));
        return byName;
    }

    @Transactional
    public HomeVisit plan(FormData data, Viewer viewer) {
        Student student = picker.one(data, "upn", viewer, "a visit to another year's family is planned by their Head of Year or PSO.");
        String address = data.text("address", "Address", 500, true);
        String purpose = data.text("purpose", "Why the visit", 2000, true);
        LocalDate day = data.date("day", "Date", true);
        LocalTime leaves = time(data, "leaves", "Leaving at");
        LocalTime back = time(data, "back", "Expected back");
        Map<String, String> people = possibleVisitors();
        String lead = data.oneOf("leadVisitor", "Who goes", people.keySet());
        String second = data.optional("secondVisitor");
        String phone = data.text("visitorPhone", "Phone to reach the visitors", 40, true);
        boolean flagged = data.flag("familyFlagged");
        boolean safeguarding = data.flag("safeguarding");
        if (second != null && !people.containsKey(second)) {
            data.reject("secondVisitor", "Second member of staff must be one of the people listed.");
            second = null;
        }
        if (second != null && second.equals(lead)) {
            data.reject("secondVisitor", "The second member of staff must be someone other than " + people.get(lead) + ".");
        }
        if (safeguarding && !viewer.in(Group.DSL)) {
            data.reject("safeguarding", "Only a DSL plans a visit as safeguarding.");
        }
        if (phone != null && !phone.matches("[0-9 +()-]{6,40}")) {
            data.reject("visitorPhone", "Phone must be a telephone number, like 07700 900123.");
        }
        Instant leavesAt = null;
        Instant backAt = null;
        if (day != null && leaves != null && back != null) {
            leavesAt = LocalDateTime.of(day, leaves).atZone(clock.getZone()).toInstant();
            backAt = LocalDateTime.of(day, back).atZone(clock.getZone()).toInstant();
            if (!backAt.isAfter(leavesAt)) {
                data.reject("back", "Expected back must be after Leaving at (" + leaves + ").");
            } else if (Duration.between(leavesAt, backAt).compareTo(settings.longest()) > 0) {
                data.reject("back", "A visit is planned for at most " + hours(settings.longest())
                        + " (the school's setting): plan two visits, or give a nearer return.");
            } else if (!backAt.isAfter(clock.instant())) {
                data.reject("back", "Expected back has passed: give the time you will really be back.");
            }
            if (leavesAt.isBefore(clock.instant().minus(PLANNED_LATE))) {
                data.reject("leaves", "Plan a visit before you go: Leaving at is more than "
                        + PLANNED_LATE.toMinutes() + " minutes ago.");
            }
        }
        // two staff go where the family is flagged; a child protection plan flags it whatever the planner
        // ticked. The message names no reason: the CP-plan flag is the DSL's to see.
        if (student != null && second == null && !data.errors().containsKey("secondVisitor") && (flagged || student.isCpPlan())) {
            data.reject("secondVisitor", "Two staff go on a visit to this family: choose the second member of staff.");
        }
        Confidentiality level = safeguarding ? Confidentiality.SAFEGUARDING : Confidentiality.PASTORAL;
        if (student != null) {
            Classification record = Classification.of(HomeVisit.RECORD_TYPE, null, level, student.getId());
            checkVisitor(data, "leadVisitor", lead, record, people);
            checkVisitor(data, "secondVisitor", second, record, people);
        }
        data.throwIfInvalid();

        HomeVisit visit = visits.save(new HomeVisit(references.next("HV", "home_visit_number_seq"), student.getId(), level,
                new HomeVisit.Plan(address, purpose, leavesAt, backAt, lead, second, phone, flagged || student.isCpPlan()),
                viewer.userId(), clock.instant()));
        Map<String, Object> vars = new HashMap<>();
        vars.put(HomeVisitProcess.VISIT_ID, visit.getId());
        vars.put(HomeVisitProcess.REFERENCE, visit.getReference());
        vars.put(HomeVisitProcess.EXPECTED_BACK, Date.from(backAt));
        vars.put(HomeVisitProcess.VISITOR, lead);
        // no second visitor: the lead again, so the model always has someone to offer the task to
        vars.put(HomeVisitProcess.SECOND_VISITOR, second == null ? lead : second);
        vars.put(HomeVisitProcess.CHECK_IN_GROUP, safeguarding ? Group.DSL.id() : Group.PASTORAL_LEAD.id());
        visit.started(processes.start(HomeVisitProcess.KEY, visit.getReference(), vars));
        return visit;
    }

    /** A visitor must be able to read the visit's record: its confidentiality, the student's year. */
    private void checkVisitor(FormData data, String field, String userId, Classification record, Map<String, String> people) {
        if (userId == null || data.errors().containsKey(field)) {
            return;
        }
        if (!policy.mayRead(new Viewer(userId, people.get(userId), directory.groupsOf(userId)), record)) {
            data.reject(field, people.get(userId) + " does not work with this student's records at this level: choose someone who does.");
        }
    }

    /** The visitors' check-in (or the Pastoral Lead's, for them): how it went, into the chronology as a contact with home. */
    @Transactional
    public void checkIn(HomeVisit visit, String outcome, String note, Viewer viewer) {
        visit.checkedIn(viewer.userId(), clock.instant(), outcome, note);
        String late = visit.getAlertedAt() == null ? "" : " (checked in after the on-call alert)";
        caseStore.record(NewEntry.now(visit.getStudentId(), EntryKind.CONTACT_HOME, visit.getConfidentiality(), viewer.userId(),
                "Home visit " + visit.getReference() + ": " + OUTCOMES.get(outcome) + late,
                "Why: " + visit.getPurpose() + (note == null ? "" : "\n" + note), HomeVisit.RECORD_TYPE, visit.getId()));
    }

    static LocalTime time(FormData data, String field, String label) {
        String v = data.required(field, label);
        if (v == null) {
            return null;
        }
        try {
            return LocalTime.parse(v).truncatedTo(ChronoUnit.MINUTES);
        } catch (DateTimeParseException e) {
            data.reject(field, label + " must be a time like 14:30.");
            return null;
        }
    }

    private static String hours(Duration d) {
        long minutes = d.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + " hours" : minutes + " minutes";
    }

    List<String> outcomeCodes() {
        return List.copyOf(OUTCOMES.keySet());
    }
}
