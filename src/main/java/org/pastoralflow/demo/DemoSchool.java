package org.pastoralflow.demo;

import java.io.InputStream;
import java.util.List;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.Group;
import org.pastoralflow.forms.ImportReport;
import org.pastoralflow.staff.GroupChanges;
import org.pastoralflow.student.StudentImporter;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.subjectaccess.SubjectAccessService;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.transition.AllocationImporter;
import org.pastoralflow.transition.CohortDates;
import org.pastoralflow.transition.Transition;
import org.pastoralflow.transition.TransitionProcess;
import org.pastoralflow.transition.TransitionRepository;
import org.pastoralflow.transition.Transitions;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.workflow.TaskForms;
import org.pastoralflow.workflow.TaskInbox;
import org.pastoralflow.security.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Makes sure the role groups exist, and, when {@code pastoral.demo.enabled}, seeds a demo school:
 * 1,500 invented students (made by gen_school.py), an incoming Year 7 cohort of 240 from 12 primaries
 * (gen_school.py allocation), one login per role, a subject access request waiting for the DSL's
 * review, and (unless {@code pastoral.demo.term} is false) a term of history behind it, written once
 * ({@link DemoTerm}). A real school turns the demo off and sets {@code pastoral.initial-admin.password}
 * for its first administrator, and {@code pastoral.initial-dsl} once for its first DSL (the demo's DSLs are
 * made with their groups).
 */
@Component
class DemoSchool {

    private static final Logger log = LoggerFactory.getLogger(DemoSchool.class);

    record DemoUser(String id, String first, String last, List<String> groups) {
    }

    /**
     * The webapps offer a first-run "create an admin" page until someone is in this group. Being in
     * it gives no power here: security.webapps.WebappAuthorizations takes the engine's superuser
     * rights away from it, so the administrators' grants are all an administrator has in the webapps.
     */
    static final String CAMUNDA_ADMIN = "camunda-admin";

    /** demo/allocation.csv is gen_school.py's list for the September 2027 intake (made with its default --today 2026-10-01). */
    static final int DEMO_INTAKE = 2027;
    /** The demo's primaries whose information has come, so the board and the schools page are not all alike. */
    static final List<String> URNS_THAT_REPLIED = List.of("110000", "110001", "110003");

    /** A PSO who works with Year 9 only, so the demo shows year-group scoping; the other demo users work with the whole school. */
    static final String DEMO_YEAR_9_PSO = "pso9";

    static final List<DemoUser> USERS = List.of(
            new DemoUser("teacher", "Tess", "Teacher", List.of("staff")),
            new DemoUser("pso", "Pat", "Officer", List.of("staff", "pso")),
            new DemoUser(DEMO_YEAR_9_PSO, "Jordan", "Year-9-Officer", List.of("staff", "pso")),
            new DemoUser("hoy", "Hana", "Head-of-Year", List.of("staff", "hoy")),
            new DemoUser("senco", "Sam", "Senco", List.of("staff", "senco")),
            new DemoUser("dsl", "Dee", "Lead", List.of("staff", "dsl")),
            new DemoUser("dsl2", "Dev", "Deputy", List.of("staff", "dsl", "pso")),
            new DemoUser("lead", "Lee", "Pastoral-Lead", List.of("staff", "pastoral-lead")),
            new DemoUser("head", "Helen", "Head", List.of("staff", "slt")),
            new DemoUser("admin", "Ada", "Admin", List.of("admin", CAMUNDA_ADMIN)));

    private final StaffDirectory directory;
    private final StudentRepository students;
    private final StudentImporter importer;
    private final AllocationImporter allocations;
    private final Transitions transitions;
    private final TransitionRepository transitionRecords;
    private final TaskInbox inbox;
    private final TaskForms forms;
    private final org.pastoralflow.security.YearGroupScope yearGroups;
    private final SubjectAccessService subjectAccess;
    private final CaseStore caseStore;
    private final GroupChanges groupChanges;
    private final DemoTerm term;
    private final boolean demo;
    private final boolean demoTerm;
    private final String demoPassword;
    private final String initialAdminPassword;
    private final String initialDsl;

    DemoSchool(StaffDirectory directory, StudentRepository students, StudentImporter importer,
               AllocationImporter allocations, Transitions transitions, TransitionRepository transitionRecords,
               TaskInbox inbox, TaskForms forms, org.pastoralflow.security.YearGroupScope yearGroups, SubjectAccessService subjectAccess,
               CaseStore caseStore, GroupChanges groupChanges, DemoTerm term,
               @Value("${pastoral.demo.enabled:false}") boolean demo, @Value("${pastoral.demo.term:true}") boolean demoTerm,
               @Value("${pastoral.demo.password:demo}") String demoPassword,
               @Value("${pastoral.initial-admin.password:}") String initialAdminPassword,
               @Value("${pastoral.initial-dsl:}") String initialDsl) {
        this.directory = directory;
        this.students = students;
        this.importer = importer;
        this.allocations = allocations;
        this.transitions = transitions;
        this.transitionRecords = transitionRecords;
        this.inbox = inbox;
        this.forms = forms;
        this.yearGroups = yearGroups;
        this.subjectAccess = subjectAccess;
        this.caseStore = caseStore;
        this.groupChanges = groupChanges;
        this.term = term;
        this.demo = demo;
        this.demoTerm = demoTerm;
        this.demoPassword = demoPassword;
        this.initialAdminPassword = initialAdminPassword;
        this.initialDsl = initialDsl;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() throws Exception {
        for (Group g : Group.values()) {
            directory.ensureGroup(g.id(), g.label());
        }
        directory.ensureGroup(CAMUNDA_ADMIN, "Camunda webapp administrators");
        if (!initialAdminPassword.isBlank() && !directory.userExists("admin")) {
            List<String> problems = directory.passwordProblems("admin", initialAdminPassword);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("PASTORAL_INITIAL_ADMIN_PASSWORD (pastoral.initial-admin.password) does not meet "
                        + "the password policy: it needs " + String.join(", ", problems) + ". Choose a stronger one and start again.");
            }
            directory.createUser("admin", "School", "Administrator", null, initialAdminPassword, List.of("admin", CAMUNDA_ADMIN));
            log.info("Created the first administrator 'admin'");
        }
        if (!initialDsl.isBlank()) {
            // the one way into an empty DSL group; afterwards a change to it takes an administrator and a DSL
            groupChanges.firstDsl(initialDsl.trim());
        }
        if (!demo) {
            if (directory.membersOf(Group.ADMIN.id()).isEmpty()) {
                log.warn("Nobody is an administrator yet, so nobody can add staff: set PASTORAL_INITIAL_ADMIN_PASSWORD "
                        + "(pastoral.initial-admin.password) and start again (docs/operations.md, \"First start for a real school\")");
            }
            return;
        }
        for (DemoUser u : USERS) {
            if (!directory.userExists(u.id())) {
                // "demo" is far from the password policy; the demo's logins are for trying the software only
                directory.createDemoUser(u.id(), u.first(), u.last(), u.id() + "@demo-school.example", demoPassword, u.groups());
                if (u.id().equals(DEMO_YEAR_9_PSO)) {
                    yearGroups.replace(java.util.Map.of(DEMO_YEAR_9_PSO, java.util.Set.of(9)), "demo");
                }
            }
        }
        if (students.count() == 0) {
            try (InputStream csv = new ClassPathResource("demo/students.csv").getInputStream()) {
                ImportReport report = importer.importCsv(csv, "demo");
                log.info("Demo school seeded: {} students", report.created());
            }
        }
        if (transitions.cohorts().isEmpty()) {
            try (InputStream csv = new ClassPathResource("demo/allocation.csv").getInputStream()) {
                AllocationImporter.Result result = allocations.importCsv(csv, DEMO_INTAKE, CohortDates.suggested(DEMO_INTAKE), "demo");
                log.info("Demo Year 7 cohort for September {} seeded: {} students", DEMO_INTAKE, result.report().created());
            }
            primariesReplied();
        }
        if (subjectAccess.count() == 0) {
            subjectAccessRequest();
        }
        if (demoTerm) {
            term.seed();
        }
    }

    /**
     * A parent's subject access request, logged by the office a week ago and waiting for the DSL's
     * review; the student's file has a note naming another pupil (redacted in the export) and a
     * safeguarding note, so the review has something to decide.
     */
    private void subjectAccessRequest() {
        List<Student> year8 = students.findByYearGroupOrderByLegalSurnameAscLegalForenameAsc(8);
        Student s = year8.get(0);
        Student friend = year8.get(1);
        caseStore.record(NewEntry.now(s.getId(), EntryKind.NOTE, Confidentiality.PASTORAL, "pso", "Upset at break",
                "Upset after falling out with " + friend.getLegalForename() + " " + friend.getLegalSurname()
                        + " at break; talked it through and agreed to check in tomorrow.", null, null));
        caseStore.record(NewEntry.now(s.getId(), EntryKind.NOTE, Confidentiality.SAFEGUARDING, "dsl", "Call from the family's social worker",
                "A child in need meeting is planned for next month; the DSL will attend.", null, null));
        Viewer office = new Viewer("admin", "Ada Admin", java.util.Set.of(Group.ADMIN.id()));
        var r = subjectAccess.log(new FormData(java.util.Map.of("upn", s.getUpn(), "requesterName", "Robin Demo-Parent",
                "relationship", "parent-carer", "identityCheck", "known", "identityNotes", "Parent on the MIS contact list; asked in person",
                "receivedOn", subjectAccess.today().minusDays(7).toString(), "replyMethod", "email",
                "replyTo", "robin.parent@demo-family.example")), office);
        log.info("Demo: subject access request {} waiting for the DSL's review", r.getReference());
    }

    /**
     * Three of the demo's primaries have sent their information, as the Pastoral Lead would record it:
     * the triage runs, some children get an enhanced transition, the interviews wait.
     */
    private void primariesReplied() {
        Viewer lead = new Viewer("lead", "Lee Pastoral-Lead", java.util.Set.of("staff", Group.PASTORAL_LEAD.id()));
        List<Transition> cohort = transitionRecords.findByEntryYear(DEMO_INTAKE);
        var schools = transitions.schoolsById(cohort.stream().map(Transition::getFeederSchoolId).collect(java.util.stream.Collectors.toSet()));
        List<Transition> replied = cohort.stream()
                .filter(t -> URNS_THAT_REPLIED.contains(schools.get(t.getFeederSchoolId()).getUrn())).toList();
        java.util.Map<String, String> taskOf = inbox.openTaskIds(replied.stream().map(Transition::getProcessInstanceId).toList(),
                TransitionProcess.TASK_PRIMARY_INFORMATION);
        int i = 0;
        for (Transition t : replied) {
            String task = taskOf.get(t.getProcessInstanceId());
            if (task == null) {
                continue;
            }
            boolean anxious = i++ % 6 == 0;
            forms.complete(task, new FormData(java.util.Map.of("received", "received", "receivedOn", transitions.today().toString(),
                    "items", "profile,attendance,medical", "notes", anxious
                            ? "Worried about the size of the school; settles with a familiar adult."
                            : "Friendly and keen; good friendships in class.",
                    "anxiety", anxious ? "yes" : "no", "youngCarer", "no", "recommends", "no", "cpFile", "no")), lead);
        }
        log.info("Demo: information received from {} primaries for {} children", URNS_THAT_REPLIED.size(), replied.size());
    }
}
