package org.pastoralflow.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentImporter;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.supportplan.SupportPlanRepository;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Weekly import → threshold → concern, on PostgreSQL, through the service and the pages. */
@PostgresIntegrationTest
class AttendanceIntegrationTest {

    static final String HEADER = "UPN,Week Commencing,Possible Sessions,Attended Sessions,Authorised Absence,Unauthorised Absence,Late Before Registers Closed\n";

    @Autowired AttendanceImporter importer;
    @Autowired AttendanceService attendance;
    @Autowired AttendanceConcernRepository concerns;
    @Autowired AttendanceWeekRepository weeks;
    @Autowired StudentRepository students;
    @Autowired StudentImporter studentImporter;
    @Autowired SupportPlanRepository plans;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired MockMvc mvc;
    @Autowired org.pastoralflow.reporting.Dashboards dashboards;
    @Autowired org.pastoralflow.reporting.Filters filters;

    /** The lateness dashboard's row for a year group this term: [L marks, U marks, students late]. */
    List<Object> latenessRow(int year) {
        var viewer = new org.pastoralflow.security.Viewer("lead", "Lee", java.util.Set.of("staff", "pastoral-lead"));
        return dashboards.table("lateness", filters.read(java.util.Map.of("year", String.valueOf(year))), viewer).rows().stream()
                .filter(r -> r.get(0).equals("Year " + year)).findFirst().map(r -> r.subList(1, 4)).orElse(List.of(0L, 0L, 0L));
    }

    /** Both late codes, under the names some exports give them. */
    static final String LATE_HEADER = "UPN,Week beginning,Possible,Present,Authorised absences,Unauthorised absences,Late (L),Late (U)\n";

    static String row(String upn, String week, int attended, int authorised, int unauthorised) {
        return upn + "," + week + ",10," + attended + "," + authorised + "," + unauthorised + ",0\n";
    }

    AttendanceImporter.Result run(String csv) throws Exception {
        return importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "lead");
    }

    Long id(String upn) {
        return students.findByUpn(upn).map(Student::getId).orElseThrow();
    }

    List<AttendanceConcern> open(String upn, String kind) {
        return concerns.findByStudentIdInAndKindAndClosedAtIsNull(List.of(id(upn)), kind);
    }

    Task task(AttendanceConcern c, String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(c.getReference()).taskDefinitionKey(key).singleResult();
    }

    @Test
    void crossingTheThresholdOpensOneConcernAndNeverASecondWhileItIsOpen() throws Exception {
        String good = "A873400123001", poor = "P873400122001", severe = "X873400126002";
        AttendanceImporter.Result first = run(HEADER + row(good, "2026-09-07", 10, 0, 0) + row(poor, "2026-09-07", 8, 1, 1)
                + row(severe, "2026-09-07", 4, 2, 4));
        assertThat(first.report().accepted()).isTrue();
        assertThat(first.concernsStarted()).isEqualTo(2);
        assertThat(open(good, AttendanceConcern.THRESHOLD)).isEmpty();

        AttendanceConcern poorConcern = open(poor, AttendanceConcern.THRESHOLD).get(0);
        assertThat(poorConcern.isSevere()).isFalse();
        assertThat(task(poorConcern, "Task_ContactHome")).isNotNull();
        assertThat(task(poorConcern, "Task_DslSevereReview")).isNull();
        AttendanceConcern severeConcern = open(severe, AttendanceConcern.THRESHOLD).get(0);
        assertThat(severeConcern.isSevere()).isTrue();
        assertThat(task(severeConcern, "Task_DslSevereReview")).isNotNull();

        AttendanceImporter.Result second = run(HEADER + row(poor, "2026-09-14", 7, 0, 3) + row(good, "2026-09-14", 10, 0, 0));
        assertThat(second.concernsStarted()).isZero();
        assertThat(open(poor, AttendanceConcern.THRESHOLD)).hasSize(1);

        // re-importing a week replaces it rather than counting it twice
        run(HEADER + row(poor, "2026-09-14", 7, 0, 3));
        assertThat(weeks.findByStudentIdAndWeekCommencing(id(poor), java.time.LocalDate.of(2026, 9, 14))).isPresent();
        assertThat(attendance.latest(id(poor))).isEqualTo(new Figures(20, 15));
    }

    @Test
    void tenSchoolDaysMissedWithoutExplanationGoToTheDslOnce() throws Exception {
        String missing = "L873400125002";
        assertThat(run(HEADER + row(missing, "2026-09-07", 0, 0, 10)).missingEducationAlerts()).isZero();
        assertThat(run(HEADER + row(missing, "2026-09-14", 0, 0, 10)).missingEducationAlerts()).isEqualTo(1);
        AttendanceConcern alert = open(missing, AttendanceConcern.MISSING_EDUCATION).get(0);
        Task notify = task(alert, "Task_NotifyMissingEducation");
        assertThat(tasks.getIdentityLinksForTask(notify.getId())).extracting(l -> l.getGroupId()).containsExactly("dsl");
        assertThat(run(HEADER + row(missing, "2026-09-14", 0, 0, 10)).missingEducationAlerts()).isZero();
    }

    @Test
    void aBadFileIsRefusedWholeWithEveryProblemNamed() throws Exception {
        long before = weeks.count();
        String unknown = "E999500127001".substring(1);
        AttendanceImporter.Result result = run(HEADER
                + row("A873400124002", "2026-09-07", 10, 0, 0)
                + row(org.pastoralflow.student.UpnTestSupport.valid(unknown), "2026-09-07", 10, 0, 0)
                + "P873400123002,2026-09-07,10,9,0,0,0\n"
                + row("A873400124002", "2026-09-07", 10, 0, 0)
                + row("D873400122002", "2026-09-08", 10, 0, 0));
        assertThat(result.report().accepted()).isFalse();
        assertThat(result.report().problems()).extracting(p -> p.line() + " " + p.field()).contains(
                "3 UPN", "4 Possible Sessions", "5 UPN", "6 Week Commencing");
        assertThat(weeks.count()).isEqualTo(before);
        assertThat(result.concernsStarted()).isZero();
    }

    @Test
    void thePsoWorksTheConcernAndAnImprovingStudentClosesIt() throws Exception {
        String upn = "A873400125003";
        run(HEADER + row(upn, "2026-09-07", 6, 2, 2));
        AttendanceConcern c = open(upn, AttendanceConcern.THRESHOLD).get(0);
        MockHttpSession pso = Web.signIn(mvc, "pso");
        String inbox = mvc.perform(get("/inbox").session(pso)).andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains(c.getReference(), "Contact home");

        Task contact = task(c, "Task_ContactHome");
        String refused = mvc.perform(post("/tasks/" + contact.getId()).session(pso).with(csrf())
                        .param("contactedOn", "2026-09-08").param("contactWith", "Mum"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("How is required.").contains("What was said is required.").contains("value=\"Mum\"");
        mvc.perform(post("/tasks/" + contact.getId()).session(pso).with(csrf()).param("contactedOn", "2026-09-08")
                .param("contactWith", "Mum").param("method", "phone").param("whatWasSaid", "Illness in the family; agreed to meet"))
                .andExpect(status().is3xxRedirection());

        Task meeting = task(c, "Task_AttendanceMeeting");
        mvc.perform(post("/tasks/" + meeting.getId()).session(pso).with(csrf()).param("meetingOn", "2026-09-10")
                .param("attendees", "Mum, PSO, tutor").param("notes", "Morning routine is the difficulty")
                .param("goals", "On time every day").param("interventions", "check-ins"))
                .andExpect(status().is3xxRedirection());
        assertThat(plans.findByStudentIdOrderByCreatedAtDesc(id(upn))).hasSize(1)
                .first().satisfies(p -> assertThat(p.getBaselineScore()).isEqualTo(60));

        run(HEADER + row(upn, "2026-09-14", 10, 0, 0));
        run(HEADER + row(upn, "2026-09-21", 10, 0, 0));
        var timer = management.createJobQuery().processInstanceId(c.getProcessInstanceId()).activityId("Timer_ReviewDue").singleResult();
        management.executeJob(timer.getId());

        AttendanceConcern closed = concerns.findById(c.getId()).orElseThrow();
        assertThat(closed.getClosedAt()).isNotNull();
        assertThat(closed.getOutcome()).isEqualTo("improved");
        assertThat(closed.getClosedAttended()).isEqualTo(26);
        assertThat(closed.getClosedPossible()).isEqualTo(30);

        // still over the threshold (86.7 %) but improving: the next week's import does not reopen it
        assertThat(run(HEADER + row(upn, "2026-09-28", 9, 1, 0)).concernsStarted()).isZero();
        assertThat(open(upn, AttendanceConcern.THRESHOLD)).isEmpty();
    }

    @Test
    void aSevereConcernReferredToTheLocalAuthorityStaysOpenUntilTheDslHasReviewedIt() throws Exception {
        String upn = "D873400123003";
        run(HEADER + row(upn, "2026-09-07", 4, 2, 4));
        AttendanceConcern c = open(upn, AttendanceConcern.THRESHOLD).get(0);
        assertThat(c.isSevere()).isTrue();
        MockHttpSession pso = Web.signIn(mvc, "pso"), dsl = Web.signIn(mvc, "dsl");
        mvc.perform(post("/tasks/" + task(c, "Task_ContactHome").getId()).session(pso).with(csrf()).param("contactedOn", "2026-09-08")
                .param("contactWith", "Dad").param("method", "phone").param("whatWasSaid", "Will come in"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/tasks/" + task(c, "Task_AttendanceMeeting").getId()).session(pso).with(csrf()).param("meetingOn", "2026-09-10")
                .param("attendees", "Dad, PSO").param("notes", "Transport").param("goals", "Every day").param("interventions", "check-ins"))
                .andExpect(status().is3xxRedirection());
        management.executeJob(management.createJobQuery().processInstanceId(c.getProcessInstanceId())
                .activityId("Timer_ReviewDue").singleResult().getId());
        mvc.perform(post("/tasks/" + task(c, "Task_ReviewNoImprovement").getId()).session(pso).with(csrf())
                .param("reviewDecision", "escalate").param("rationale", "No change after four weeks"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/tasks/" + task(c, "Task_NotifyLocalAuthority").getId()).session(pso).with(csrf())
                .param("referredOn", "2026-10-09").param("laReference", "LA-ATT-1").param("notes", "Referred by e-mail"))
                .andExpect(status().is3xxRedirection());

        // the PSO's work is done, but the DSL has not reviewed the severe absence: the concern and its process stay open
        assertThat(concerns.findById(c.getId()).orElseThrow().getClosedAt()).isNull();
        assertThat(task(c, "Task_DslSevereReview")).isNotNull();

        mvc.perform(post("/tasks/" + task(c, "Task_DslSevereReview").getId()).session(dsl).with(csrf())
                .param("decision", "early-help").param("rationale", "Family agreed to Early Help"))
                .andExpect(status().is3xxRedirection());
        AttendanceConcern closed = concerns.findById(c.getId()).orElseThrow();
        assertThat(closed.getClosedAt()).isNotNull();
        assertThat(closed.getOutcome()).isEqualTo("escalated");
        assertThat(closed.getClosedPossible()).isEqualTo(10);
        assertThat(tasks.createTaskQuery().processInstanceId(c.getProcessInstanceId()).count()).isZero();
    }

    @Test
    void onlyAdministratorsAndThePastoralLeadImport() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "week.csv", "text/csv",
                (HEADER + row("P873400124003", "2026-09-07", 10, 0, 0)).getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/attendance/import").file(file).session(Web.signIn(mvc, "pso")).with(csrf()))
                .andExpect(status().isForbidden());
        String page = mvc.perform(multipart("/attendance/import").file(file).session(Web.signIn(mvc, "lead")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Imported <strong>1</strong> rows");
    }

    @Test
    void aWeekExportedFromArborIsImportedThroughThePageWithItsOwnColumnNamesAndDates() throws Exception {
        byte[] arborStudents = new ClassPathResource("mis/arbor-students.csv").getInputStream().readAllBytes();
        assertThat(studentImporter.importCsv(new ByteArrayInputStream(arborStudents), "admin").accepted()).isTrue();

        byte[] week = new ClassPathResource("mis/arbor-attendance.csv").getInputStream().readAllBytes();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(week, StandardCharsets.UTF_8))).getRecords();
        MockMultipartFile file = new MockMultipartFile("file", "arbor-week.csv", "text/csv", week);
        long started = System.nanoTime();
        String page = mvc.perform(multipart("/attendance/import").file(file).session(Web.signIn(mvc, "lead")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        System.out.printf("MIS export arbor-attendance.csv: %d rows imported through the page in %d ms%n", rows.size(),
                (System.nanoTime() - started) / 1_000_000);
        assertThat(page).contains("Imported <strong>" + rows.size() + "</strong> rows", "&#39;Week beginning&#39; read as Week Commencing",
                "&#39;Present&#39; read as Attended Sessions", "&#39;Late&#39; read as Late Before Registers Closed");

        LocalDate monday = LocalDate.of(2026, 10, 5);
        for (CSVRecord row : rows) {
            assertThat(LocalDate.parse(row.get("Week beginning"), DateTimeFormatter.ofPattern("d/M/uuuu"))).isEqualTo(monday);
            AttendanceWeek w = weeks.findByStudentIdAndWeekCommencing(id(row.get("UPN")), monday).orElseThrow();
            assertThat(w.getPossibleSessions()).isEqualTo(Integer.parseInt(row.get("Possible")));
            assertThat(w.getAttendedSessions()).isEqualTo(Integer.parseInt(row.get("Present")));
            assertThat(w.getUnauthorisedAbsence()).isEqualTo(Integer.parseInt(row.get("Unauthorised absences")));
        }
    }

    @Test
    void persistentLatenessOpensOnePsoTaskAndThePlanAgreedClosesIt() throws Exception {
        String late = org.pastoralflow.student.UpnTestSupport.valid("873400125140");
        String onTime = org.pastoralflow.student.UpnTestSupport.valid("873400125141");
        // UK dates and CRLF, as exports come: 3 late before registers closed and 1 after (an unauthorised absence) a week
        AttendanceImporter.Result first = run((LATE_HEADER + late + ",07/09/2026,10,9,0,1,3,1\n" + onTime + ",07/09/2026,10,10,0,0,1,0\n")
                .replace("\n", "\r\n"));
        assertThat(first.report().accepted()).isTrue();
        assertThat(first.latenessConcerns()).isZero();
        int year = students.findByUpn(late).orElseThrow().getYearGroup();
        List<Object> before = latenessRow(year);
        AttendanceImporter.Result second = run(LATE_HEADER + late + ",14/09/2026,10,9,0,1,3,1\n" + onTime + ",14/09/2026,10,10,0,0,1,0\n");
        assertThat(second.latenessConcerns()).isEqualTo(1);
        // the dashboard adds the week's marks to the year group's: 3 before registers closed (and the other student's 1
        // if in the same year), 1 after; both students were late the week before too, so no more students are counted
        long otherStudents = students.findByUpn(onTime).orElseThrow().getYearGroup() == year ? 1 : 0;
        assertThat(latenessRow(year)).containsExactly((Long) before.get(0) + 3 + otherStudents, (Long) before.get(1) + 1, before.get(2));
        assertThat(attendance.latesThisYear(id(late))).isEqualTo(new AttendanceService.Lates(6, 2));
        assertThat(open(onTime, AttendanceConcern.LATENESS)).isEmpty();
        AttendanceConcern c = open(late, AttendanceConcern.LATENESS).get(0);
        assertThat(c.getConfidentiality()).isEqualTo(org.pastoralflow.security.Confidentiality.PASTORAL);
        Task contact = task(c, "Task_LatenessContactHome");
        assertThat(tasks.getIdentityLinksForTask(contact.getId())).extracting(l -> l.getGroupId()).containsExactly("pso");
        // the same week again: never a second concern while one is open
        assertThat(run(LATE_HEADER + late + ",14/09/2026,10,9,0,1,3,1\n").latenessConcerns()).isZero();

        MockHttpSession pso = Web.signIn(mvc, "pso");
        String form = mvc.perform(get("/tasks/" + contact.getId()).session(pso)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Late marks this school year: <strong>8</strong>", "<span>6</span> before registers closed");
        String refused = mvc.perform(post("/tasks/" + contact.getId()).session(pso).with(csrf()).param("contactedOn", "2026-09-15")
                        .param("contactWith", "Dad").param("method", "phone").param("whatWasSaid", "Caring for a younger sibling in the mornings")
                        .param("agreed", "plan"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Write the plan: what each will do.", "value=\"Dad\"");
        assertThat(concerns.findById(c.getId()).orElseThrow().getClosedAt()).isNull();

        mvc.perform(post("/tasks/" + contact.getId()).session(pso).with(csrf()).param("contactedOn", "2026-09-15")
                .param("contactWith", "Dad").param("method", "phone").param("whatWasSaid", "Caring for a younger sibling in the mornings")
                .param("agreed", "plan").param("plan", "Breakfast club from Monday; the PSO checks the register each Friday"))
                .andExpect(status().is3xxRedirection());
        AttendanceConcern closed = concerns.findById(c.getId()).orElseThrow();
        assertThat(closed.getOutcome()).isEqualTo("lateness-plan");
        assertThat(tasks.createTaskQuery().processInstanceId(c.getProcessInstanceId()).count()).isZero();
        String page = mvc.perform(get("/students/" + id(late)).session(pso)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Lateness followed up: A punctuality plan", "Lateness concern", "late <span>8</span> times");

        // closed this week: the next week's late marks do not reopen it
        assertThat(run(LATE_HEADER + late + ",21/09/2026,10,9,0,1,3,1\n").latenessConcerns()).isZero();
        assertThat(open(late, AttendanceConcern.LATENESS)).isEmpty();
    }

    @Test
    void lateMarksThatCannotBeSoAreRefusedNamingTheirColumnAndNothingIsWritten() throws Exception {
        long before = weeks.count();
        AttendanceImporter.Result result = run(LATE_HEADER
                // a U mark is an unauthorised absence, and this student had none
                + org.pastoralflow.student.UpnTestSupport.valid("873400125142") + ",07/09/2026,10,10,0,0,0,1\n"
                // an L mark is a session attended late: three of them in two sessions attended
                + org.pastoralflow.student.UpnTestSupport.valid("873400125143") + ",07/09/2026,10,2,8,0,3,0\n");
        assertThat(result.report().accepted()).isFalse();
        assertThat(result.report().problems()).extracting(p -> p.line() + " " + p.field()).containsExactly("2 Late (U)", "3 Late (L)");
        assertThat(weeks.count()).isEqualTo(before);
    }
}
