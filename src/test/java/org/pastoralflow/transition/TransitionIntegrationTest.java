package org.pastoralflow.transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.pastoralflow.audit.AuditRepository;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.casefile.ChronologyRepository;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.notification.NotificationRepository;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralRepository;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.JustNow;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The transition on PostgreSQL through the pages: the allocation list of 240 students from 12
 * primaries (gen_school.py, the September 2028 intake, as a test resource) imported, and a handful
 * of them taken through every milestone by the people who do each step, with their timers run;
 * what each role may see of the child protection file along the way.
 */
@PostgresIntegrationTest
class TransitionIntegrationTest {

    static final int YEAR = 2028;

    @Autowired MockMvc mvc;
    @Autowired TransitionRepository transitions;
    @Autowired TransitionMilestoneRepository milestones;
    @Autowired TransitionCohortRepository cohorts;
    @Autowired FeederSchoolRepository schools;
    @Autowired StudentRepository students;
    @Autowired ChronologyRepository chronology;
    @Autowired ReferralRepository referrals;
    @Autowired NotificationRepository notifications;
    @Autowired AuditRepository audit;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    static byte[] resource(String name) throws Exception {
        return new ClassPathResource(name).getInputStream().readAllBytes();
    }

    MockHttpServletRequestBuilder importRequest(MockHttpSession session, int year, byte[] csv) {
        return multipart("/transition/import").file(new MockMultipartFile("file", "allocation.csv", "text/csv", csv))
                .param("year", String.valueOf(year)).param("transitionDayFirst", year + "-07-05")
                .param("transitionDayLast", year + "-07-06").param("interviewsDue", year + "-06-23").session(session).with(csrf());
    }

    String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    Transition byUpn(String upn) {
        return transitions.findByEntryYear(YEAR).stream().filter(t -> t.getUpn().equals(upn)).findFirst().orElseThrow();
    }

    Transition reload(Transition t) {
        return transitions.findById(t.getId()).orElseThrow();
    }

    Task task(Transition t, String key) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(t.getProcessInstanceId()).taskDefinitionKey(key).list();
        assertThat(open).as("%s open for %s", key, t.getReference()).hasSize(1);
        return open.get(0);
    }

    void complete(MockHttpSession session, Transition t, String key, String... fields) throws Exception {
        MockHttpServletRequestBuilder r = post("/tasks/" + task(t, key).getId()).session(session).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            r.param(fields[i], fields[i + 1]);
        }
        mvc.perform(r).andExpect(status().is3xxRedirection());
    }

    /** A task form sent with values its rules refuse: the page comes back with the errors and the task stays open. */
    String refused(MockHttpSession session, Transition t, String key, String... fields) throws Exception {
        MockHttpServletRequestBuilder r = post("/tasks/" + task(t, key).getId()).session(session).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            r.param(fields[i], fields[i + 1]);
        }
        return mvc.perform(r).andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
    }

    void information(MockHttpSession lead, Transition t, String cpFile) throws Exception {
        complete(lead, t, TransitionProcess.TASK_PRIMARY_INFORMATION, "received", "received", "receivedOn", LocalDate.now().toString(),
                "items", "profile", "notes", "Kind, loves football, a little shy at first.", "anxiety", "no", "youngCarer", "no",
                "recommends", "no", "cpFile", cpFile);
    }

    void interview(MockHttpSession hoy, Transition t) throws Exception {
        complete(hoy, t, TransitionProcess.TASK_INTERVIEW, "on", LocalDate.now().toString(), "by", "Mrs Head-of-Year",
                "lookingForward", "Science labs", "worries", "Getting lost", "helps", "Sitting near the front");
    }

    void fire(Transition t, String timer) {
        Job job = management.createJobQuery().processInstanceId(t.getProcessInstanceId()).activityId(timer).singleResult();
        assertThat(job).as("%s of %s", timer, t.getReference()).isNotNull();
        management.executeJob(job.getId());
    }

    Map<Milestone, MilestoneStatus> statuses(Transition t) {
        Map<Milestone, MilestoneStatus> m = new java.util.EnumMap<>(Milestone.class);
        milestones.findByTransitionIdOrderById(t.getId()).forEach(x -> m.put(x.getMilestone(), x.getStatus()));
        return m;
    }

    @Test
    void importsTwoHundredAndFortyStudentsFromTwelvePrimariesAndTakesAHandfulThroughEveryMilestone() throws Exception {
        MockHttpSession lead = Web.signIn(mvc, "lead"), pso = Web.signIn(mvc, "pso"), hoy = Web.signIn(mvc, "hoy"),
                senco = Web.signIn(mvc, "senco"), dsl = Web.signIn(mvc, "dsl");
        long started = System.nanoTime();
        String report = mvc.perform(importRequest(lead, YEAR, resource("transition/allocation-2028.csv")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        System.out.printf("Allocation list of 240 imported in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(report).contains("Imported <strong>240</strong> students from", "<strong>12</strong> feeder schools");
        assertThat(transitions.findByEntryYear(YEAR)).hasSize(240).allSatisfy(t -> {
            assertThat(t.getReference()).matches("T\\d{2}-\\d{5}");
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).count()).isEqualTo(1);
        });

        // the board and the schools that have not sent their information
        String board = page(lead, "/transition?year=" + YEAR);
        assertThat(board).contains("<strong>240</strong> students").doesNotContain("CP file");
        String schoolsPage = page(lead, "/transition/schools?year=" + YEAR);
        assertThat(schoolsPage).contains("Elmstead Junior", "Oakfield Primary", "none logged");

        Transition standard = byUpn("E873210921000"), ehcp = transitions.findByEntryYear(YEAR).stream()
                .filter(Transition::isEhcp).findFirst().orElseThrow(), cpPlan = byUpn("J873210021024"),
                primarySaysCp = byUpn("K873210821001"), concern = byUpn("A873210921005");
        assertThat(cpPlan.isCpPlan()).isTrue();
        assertThat(concern.isInCare()).isTrue();

        // the child protection plan on the list: the DSL has the CP file at once; nobody else sees it exists
        Task cpTask = task(cpPlan, TransitionProcess.TASK_CP_FILE);
        assertThat(tasks.getIdentityLinksForTask(cpTask.getId())).extracting(l -> l.getGroupId()).containsExactly("dsl");
        String cpPageForPso = page(pso, "/transition/" + cpPlan.getReference());
        assertThat(cpPageForPso).doesNotContain("Child protection file", "CP plan", "CP file", "child protection plan");
        assertThat(page(pso, "/transition?year=" + YEAR + "&outstanding=CP_FILE")).contains("<strong>240</strong> students");
        assertThat(mvc.perform(get("/transition/board.csv?year=" + YEAR).session(pso)).andReturn().getResponse()
                .getContentAsString()).doesNotContain("Child protection file").doesNotContain("CP plan");
        String cpPageForDsl = page(dsl, "/transition/" + cpPlan.getReference());
        assertThat(cpPageForDsl).contains("Child protection file", "CP plan", "Confirm receipt of the CP file and review it");
        assertThat(page(dsl, "/transition?year=" + YEAR + "&outstanding=CP_FILE")).contains("<strong>4</strong> students", "CP file");
        assertThat(audit.findAll().stream().filter(a -> "transition-note".equals(a.getRecordType()) && "dsl".equals(a.getActor()))
                .count()).isPositive();

        // the primary's information: standard for the child without needs, enhanced for the EHCP and the CP plan
        for (Transition t : List.of(standard, ehcp, cpPlan, concern)) {
            information(lead, t, "no");
        }
        information(lead, primarySaysCp, "yes");
        assertThat(reload(standard).getPathway()).isEqualTo(Transition.STANDARD);
        assertThat(reload(ehcp).getPathway()).isEqualTo(Transition.ENHANCED);
        assertThat(reload(concern).getPathway()).isEqualTo(Transition.ENHANCED);
        assertThat(reload(primarySaysCp).isCpFileExpected()).isTrue();
        task(primarySaysCp, TransitionProcess.TASK_CP_FILE);

        // before the child has a case file there are no MIS contacts to write to: no letter offered yet
        assertThat(page(lead, "/tasks/" + task(ehcp, TransitionProcess.TASK_PARENT_INTERVIEW).getId())).doesNotContain("letter-home");
        for (Transition t : List.of(ehcp, cpPlan, concern)) {
            complete(pso, t, TransitionProcess.TASK_EXTRA_VISITS, "on", LocalDate.now().toString(), "visits", "Two afternoons",
                    "howItWent", "Relaxed by the second visit");
            complete(senco, t, TransitionProcess.TASK_SENCO_MEETING, "on", LocalDate.now().toString(), "attendees", "SENCO, parent",
                    "plan", "Movement breaks; a key adult");
            complete(lead, t, TransitionProcess.TASK_PARENT_INTERVIEW, "on", LocalDate.now().toString(), "with", "Mother",
                    "discussed", "Route to school; lunch money");
        }
        for (Transition t : List.of(standard, ehcp, cpPlan, concern, primarySaysCp)) {
            interview(hoy, t);
        }

        // a concern before September: the student gets a case file (Year 6 until September) and a referral, linked both ways
        mvc.perform(post("/transition/" + concern.getReference() + "/concerns").session(hoy).with(csrf())
                        .param("category", "welfare").param("description", "Very upset about leaving foster carers")
                        .param("occurredAt", JustNow.dateTime()))
                .andExpect(status().is3xxRedirection());
        concern = reload(concern);
        assertThat(concern.getStudentId()).isNotNull();
        Student early = students.findById(concern.getStudentId()).orElseThrow();
        assertThat(early.getYearGroup()).isEqualTo(6);
        Referral referral = referrals.findByStudentIdOrderByRaisedAtDesc(early.getId()).get(0);
        assertThat(referral.getRaisedFromType()).isEqualTo("transition");
        assertThat(referral.getRaisedFromReference()).isEqualTo(concern.getReference());
        assertThat(page(hoy, "/transition/" + concern.getReference())).contains(referral.getReference());
        assertThat(chronology.findAll().stream().filter(e -> e.getStudentId().equals(early.getId()) && "transition".equals(e.getSourceType())))
                .extracting(ChronologyEntry::getSummary).anyMatch(s -> s.startsWith("Transition interview"));

        // transition days on the register: one student misses the second day and is followed up
        mvc.perform(post("/transition/register").session(pso).with(csrf()).param("year", String.valueOf(YEAR)).param("event", "days")
                        .param("student", standard.getId().toString(), ehcp.getId().toString(), cpPlan.getId().toString(),
                                concern.getId().toString())
                        .param("attended-" + standard.getId(), "1", "2").param("attended-" + ehcp.getId(), "1")
                        .param("attended-" + cpPlan.getId(), "1", "2").param("attended-" + concern.getId(), "1", "2"))
                .andExpect(status().is3xxRedirection());
        assertThat(reload(ehcp).getDaysMissed()).isNotBlank();
        assertThat(reload(standard).getDaysMissed()).isNull();
        // one student marked on their own page; marking twice is refused
        mvc.perform(post("/transition/" + primarySaysCp.getReference() + "/days").session(pso).with(csrf())
                .param("attended", "1", "2")).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(post("/transition/" + primarySaysCp.getReference() + "/days").session(pso).with(csrf())
                .param("attended", "1")).andExpect(status().is(422)).andReturn().getResponse().getContentAsString())
                .contains("transition-day attendance is already recorded");
        assertThat(milestones.findByTransitionIdAndMilestone(primarySaysCp.getId(), Milestone.TRANSITION_DAYS).orElseThrow()
                .getStatus()).isEqualTo(MilestoneStatus.DONE);

        // the Head of Year puts a student in a tutor group before September; it is their registration group from then
        mvc.perform(post("/transition/" + standard.getReference() + "/tutor-group").session(hoy).with(csrf())
                .param("tutorGroup", "7 K")).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(post("/transition/" + standard.getReference() + "/tutor-group").session(hoy).with(csrf())
                .param("tutorGroup", "<b>")).andExpect(status().is(422)).andReturn().getResponse().getContentAsString())
                .contains("id=\"tutorGroup-error\"");
        assertThat(reload(standard).getTutorGroup()).isEqualTo("7 K");
        complete(pso, ehcp, TransitionProcess.TASK_MISSED_DAY, "on", LocalDate.now().toString(), "what", "Called mum; visit on Friday");

        // the DSL receives and reviews the CP files; the one not received by the KCSIE deadline is escalated
        assertThat(refused(dsl, cpPlan, TransitionProcess.TASK_CP_FILE, "outcome", "received", "receivedOn", LocalDate.now().toString(),
                "from", "Oakfield Primary's DSL", "how", "secure-electronic", "reviewedOn", LocalDate.now().minusDays(1).toString(),
                "review", "Child protection plan since 2026."))
                .contains("Confirm receipt to the primary first (KCSIE).").contains("It cannot be reviewed before it was received.");
        complete(dsl, cpPlan, TransitionProcess.TASK_CP_FILE, "outcome", "received", "receivedOn", LocalDate.now().toString(),
                "from", "Oakfield Primary's DSL", "how", "secure-electronic", "receiptConfirmed", "yes",
                "reviewedOn", LocalDate.now().toString(), "review", "Child protection plan since 2026; social worker named.");
        fire(primarySaysCp, "Timer_CpFileDeadline");
        assertThat(notifications.findAll()).anyMatch(n -> n.getSubject().equals("CP file overdue for " + primarySaysCp.getReference()));
        complete(dsl, primarySaysCp, TransitionProcess.TASK_CP_FILE, "outcome", "received", "receivedOn", LocalDate.now().toString(),
                "from", "Parkview's DSL", "how", "by-hand", "receiptConfirmed", "yes", "reviewedOn", LocalDate.now().toString(),
                "review", "Early Help in Year 5, closed.");

        // 1 September: each becomes a Year 7 student of the school, with everything recorded filed in the chronology
        for (Transition t : List.of(standard, ehcp, cpPlan, concern, primarySaysCp)) {
            fire(t, "Timer_FirstSeptember");
            Transition now = reload(t);
            Student s = students.findById(now.getStudentId()).orElseThrow();
            assertThat(s.getYearGroup()).isEqualTo(7);
            assertThat(s.getUpn()).isEqualTo(t.getUpn());
            assertThat(s.getFeederSchool()).isEqualTo(schools.findById(t.getFeederSchoolId()).orElseThrow().getName());
        }
        assertThat(students.findById(reload(standard).getStudentId()).orElseThrow().getRegGroup()).isEqualTo("7 K");
        assertThat(reload(concern).getStudentId()).isEqualTo(early.getId());
        List<ChronologyEntry> cpEntries = chronology.findAll().stream()
                .filter(e -> e.getStudentId().equals(reload(cpPlan).getStudentId()) && "transition".equals(e.getSourceType())).toList();
        assertThat(cpEntries).anyMatch(e -> e.getConfidentiality() == Confidentiality.SAFEGUARDING
                && e.getSummary().startsWith("Child protection file received"));
        assertThat(cpEntries).anyMatch(e -> e.getConfidentiality() == Confidentiality.SEND && e.getSummary().startsWith("Transition meeting with the SENCO"));
        assertThat(page(pso, "/students/" + reload(cpPlan).getStudentId())).doesNotContain("Child protection file received", "CP plan");

        // Right Start on its register, then the settling-in reviews; one student is referred for pastoral support
        String rightStart = page(hoy, "/transition/register?year=" + YEAR + "&event=right-start");
        assertThat(rightStart).contains(standard.displayName(), ehcp.displayName());
        MockHttpServletRequestBuilder register = post("/transition/register").session(hoy).with(csrf())
                .param("year", String.valueOf(YEAR)).param("event", "right-start");
        for (Transition t : List.of(standard, ehcp, cpPlan, concern, primarySaysCp)) {
            register.param("student", t.getId().toString()).param("tookPart-" + t.getId(), "yes");
        }
        mvc.perform(register).andExpect(status().is3xxRedirection());
        for (Transition t : List.of(standard, cpPlan, concern, primarySaysCp)) {
            complete(hoy, t, TransitionProcess.TASK_SETTLING_IN, "on", LocalDate.now().toString(), "settled", "settled",
                    "notes", "Happy, has friends in the form");
        }
        assertThat(refused(hoy, ehcp, TransitionProcess.TASK_SETTLING_IN, "on", LocalDate.now().toString(), "settled", "not-settled",
                "notes", "Often alone at lunch")).contains("Not settled: say what happens next, or refer for pastoral support.")
                // how the child has settled can go home in writing, from a letter template for the student on roll
                .contains("href=\"/students/" + reload(ehcp).getStudentId() + "/letters/new\"", "Transition to Year 7 template");
        complete(hoy, ehcp, TransitionProcess.TASK_SETTLING_IN, "on", LocalDate.now().toString(), "settled", "not-settled",
                "notes", "Often alone at lunch", "refer", "yes");
        assertThat(referrals.findByStudentIdOrderByRaisedAtDesc(reload(ehcp).getStudentId()))
                .anyMatch(r -> "transition".equals(r.getRaisedFromType()) && r.getCategory().equals("welfare"));

        // every milestone done (or not needed), every process ended
        for (Transition t : List.of(standard, ehcp, cpPlan, concern, primarySaysCp)) {
            Transition now = reload(t);
            assertThat(now.getStatus()).isEqualTo(Transition.SETTLED);
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(now.getProcessInstanceId()).count()).isZero();
            assertThat(statuses(now).values()).allMatch(s -> s == MilestoneStatus.DONE || s == MilestoneStatus.NOT_NEEDED);
        }
        assertThat(statuses(standard)).containsEntry(Milestone.EXTRA_VISITS, MilestoneStatus.NOT_NEEDED)
                .containsEntry(Milestone.CP_FILE, MilestoneStatus.NOT_NEEDED).containsEntry(Milestone.INTERVIEW, MilestoneStatus.DONE);
        assertThat(statuses(cpPlan)).containsEntry(Milestone.CP_FILE, MilestoneStatus.DONE)
                .containsEntry(Milestone.SENCO_MEETING, MilestoneStatus.DONE);
        String oakfield = page(lead, "/transition?year=" + YEAR + "&school=110000");
        assertThat(oakfield).contains("/transition/" + cpPlan.getReference()).doesNotContain("/transition/" + standard.getReference());

        // the tutor booklet: what the primary and the interview said, never the CP file
        byte[] booklet = mvc.perform(get("/transition/" + cpPlan.getReference() + "/booklet.pdf").session(dsl))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(booklet)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains(cpPlan.displayName(), "Kind, loves football", "Sitting near the front")
                    .doesNotContain("Child protection plan since 2026").doesNotContain("CP plan");
        }
    }

    /** Counts the statements prepared on connections from the data source. */
    static final class CountingDataSource {
        final java.util.concurrent.atomic.AtomicInteger statements = new java.util.concurrent.atomic.AtomicInteger();

        javax.sql.DataSource wrap(javax.sql.DataSource target) {
            return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                        Object result = invoke(target, method, args);
                        return result instanceof java.sql.Connection c ? connection(c) : result;
                    });
        }

        private java.sql.Connection connection(java.sql.Connection target) {
            return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {java.sql.Connection.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                            statements.incrementAndGet();
                        }
                        return invoke(target, method, args);
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Autowired javax.sql.DataSource dataSource;
    @Autowired Transitions transitionReads;

    @Autowired org.pastoralflow.security.AccessPolicy accessPolicy;

    @Test
    void theCohortBoardIsReadWithAFixedNumberOfQueriesAndItsCsvIsTheFilteredRows() throws Exception {
        // the same few statements for the 240 of the demo cohort as for a cohort of 24, whoever asks
        org.pastoralflow.security.Viewer leadViewer = new org.pastoralflow.security.Viewer("lead", "Lee", java.util.Set.of("pastoral-lead"));
        org.pastoralflow.security.Viewer dslViewer = new org.pastoralflow.security.Viewer("dsl", "Dee", java.util.Set.of("dsl"));
        CountingDataSource counting = new CountingDataSource();
        CohortBoard board = new CohortBoard(new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(
                counting.wrap(dataSource)), transitionReads, accessPolicy);
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (var viewer : List.of(leadViewer, dslViewer)) {
            for (var filters : List.of(new CohortBoard.Filters(null, null, null, null), new CohortBoard.Filters("110011", "undecided", null, "INTERVIEW"))) {
                counting.statements.set(0);
                CohortBoard.Board b = board.board(2027, filters, viewer);
                assertThat(b.rows()).isNotEmpty();
                assertThat(b.rows()).allSatisfy(r -> assertThat(r.cells()).hasSize(b.columns().size()));
                counts.put(viewer.userId() + " " + filters.any() + " " + b.rows().size() + " rows", counting.statements.get());
            }
        }
        counting.statements.set(0);
        board.board(2029, new CohortBoard.Filters(null, null, null, null), leadViewer);
        counts.put("lead, another cohort", counting.statements.get());
        assertThat(counts.values()).as("statements per board: %s", counts).allMatch(n -> n == 4);

        MockHttpSession lead = Web.signIn(mvc, "lead");
        String csv = mvc.perform(get("/transition/board.csv?year=2027&school=110002").session(lead)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> lines = Arrays.stream(csv.split("\r\n")).filter(l -> !l.isBlank()).toList();
        long inSchool = transitions.findByEntryYear(2027).stream().filter(t -> !t.isWithdrawn())
                .filter(t -> schools.findById(t.getFeederSchoolId()).orElseThrow().getUrn().equals("110002")).count();
        assertThat(lines).hasSize((int) inSchool + 1);
        assertThat(lines.get(0)).as("a byte-order mark, then the header")
                .startsWith("\uFEFFReference,UPN,Surname,Forename,Feeder school").doesNotContain("Child protection file");
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.contains("St Mary's C of E Primary"));
    }

    @Test
    void reimportingTheListUpdatesWithoutDuplicatesAndWithdrawsADeclinedPlace() throws Exception {
        MockHttpSession lead = Web.signIn(mvc, "lead");
        String original = new String(resource("transition/allocation-2029.csv"), StandardCharsets.UTF_8);
        mvc.perform(importRequest(lead, 2029, original.getBytes(StandardCharsets.UTF_8))).andExpect(status().isOk());
        List<String> lines = Arrays.asList(original.split("\n"));
        assertThat(transitions.findByEntryYear(2029)).hasSize(lines.size() - 1);
        String declined = lines.get(3).split(",")[0];
        String renamed = lines.get(5).split(",")[0];
        StringBuilder again = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith(declined)) {
                continue;
            }
            again.append(line.startsWith(renamed) ? line.replaceFirst(",[^,]+,", ",Renamed-Smith,") : line).append('\n');
        }
        String report = mvc.perform(importRequest(lead, 2029, again.toString().getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(report).contains("<span>0</span> new, <span>1</span> updated", "<strong>1</strong> students are no longer on the list");
        List<Transition> cohort = transitions.findByEntryYear(2029);
        assertThat(cohort).hasSize(lines.size() - 1);
        Transition gone = cohort.stream().filter(t -> t.getUpn().equals(declined)).findFirst().orElseThrow();
        assertThat(gone.isWithdrawn()).isTrue();
        assertThat(gone.getWithdrawnReason()).contains("place declined or withdrawn");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(gone.getProcessInstanceId()).count()).isZero();
        assertThat(statuses(gone).values()).doesNotContain(MilestoneStatus.OPEN, MilestoneStatus.WAITING);
        assertThat(cohort.stream().filter(t -> t.getUpn().equals(renamed)).findFirst().orElseThrow().getLegalSurname())
                .isEqualTo("Renamed-Smith");
        assertThat(page(lead, "/transition?year=2029")).contains("Withdrawn", gone.displayName());

        // back on a later list: started again, not duplicated
        mvc.perform(importRequest(lead, 2029, original.getBytes(StandardCharsets.UTF_8))).andExpect(status().isOk());
        Transition back = transitions.findById(gone.getId()).orElseThrow();
        assertThat(back.isActive()).isTrue();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(back.getProcessInstanceId()).count()).isEqualTo(1);
        assertThat(transitions.findByEntryYear(2029)).hasSize(lines.size() - 1);
    }

    @Test
    void aBadAllocationListNamesTheRowAndFieldAndWritesNothing() throws Exception {
        MockHttpSession lead = Web.signIn(mvc, "lead");
        String original = new String(resource("transition/allocation-2029.csv"), StandardCharsets.UTF_8);
        List<String> lines = Arrays.asList(original.split("\n"));
        String header = lines.get(0);
        String good = lines.get(1), second = lines.get(2), third = lines.get(3);
        String badUpn = "Z" + second.substring(1);                 // a wrong check letter
        String badFlag = third.replace(",N,N,N,", ",N,N,maybe,");  // In Care neither Y nor N
        long before = transitions.count();
        String report = mvc.perform(importRequest(lead, 2031, String.join("\n", header, good, badUpn, good, badFlag)
                        .getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(report).contains("Nothing was imported")
                .contains("<td>3</td><td>UPN</td>").contains("has check letter Z")
                .contains("<td>4</td><td>UPN</td>").contains("appears more than once in the file")
                .contains("<td>5</td><td>In Care</td>").contains("must be Y or N");
        assertThat(transitions.count()).isEqualTo(before);
        assertThat(cohorts.findById(2031)).isEmpty();

        String noColumn = mvc.perform(importRequest(lead, 2031, "UPN,Legal Surname\nA1,B\n".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(noColumn).contains("The header row lacks column(s): Legal Forename, DOB");
        String badDates = mvc.perform(multipart("/transition/import")
                        .file(new MockMultipartFile("file", "a.csv", "text/csv", original.getBytes(StandardCharsets.UTF_8)))
                        .param("year", "2031").param("transitionDayFirst", "2031-07-09").param("transitionDayLast", "2031-07-01")
                        .param("interviewsDue", "2031-10-01").session(lead).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(badDates).contains("The last transition day must not be before the first.",
                "The date must be in the year before 1 September 2031.");
        assertThat(transitions.count()).isEqualTo(before);
        assertThat(cohorts.findById(2031)).isEmpty();
    }

    @Test
    void anAllocationListWithOtherNamesForItsColumnsUkDatesAndAByteOrderMarkIsImported() throws Exception {
        int year = 2032;
        byte[] list = resource("mis/allocation-list.csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(list, StandardCharsets.UTF_8).substring(1))).getRecords();
        long started = System.nanoTime();
        String report = mvc.perform(importRequest(Web.signIn(mvc, "lead"), year, list)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        System.out.printf("MIS export allocation-list.csv: %d rows imported through the page in %d ms%n", rows.size(),
                (System.nanoTime() - started) / 1_000_000);
        assertThat(report).contains("Imported <strong>" + rows.size() + "</strong> students",
                "&#39;Previous School URN&#39; read as Feeder School URN", "&#39;Date of Birth&#39; read as DOB",
                "&#39;Sex&#39; read as Gender");

        Map<String, Transition> byUpn = new java.util.HashMap<>();
        transitions.findByEntryYear(year).forEach(t -> byUpn.put(t.getUpn(), t));
        assertThat(byUpn).hasSize(rows.size());
        for (CSVRecord row : rows) {
            Transition t = byUpn.get(row.get("UPN"));
            assertThat(t.getLegalSurname()).isEqualTo(row.get("Surname"));
            assertThat(t.getDateOfBirth()).isEqualTo(LocalDate.parse(row.get("Date of Birth"), DateTimeFormatter.ofPattern("dd/MM/uuuu")));
            assertThat(t.getGender()).isEqualTo(row.get("Sex").substring(0, 1));
            assertThat(t.isCpPlan()).isEqualTo(row.get("Child Protection Plan").equals("Y"));
            assertThat(t.getParentName()).isEqualTo(row.get("Parent/Carer Name"));
        }
    }
}
