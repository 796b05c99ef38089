package org.pastoralflow.subjectaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.pastoralflow.audit.AuditEvent;
import org.pastoralflow.audit.AuditRepository;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.investigation.Incident;
import org.pastoralflow.investigation.IncidentLog;
import org.pastoralflow.mediation.Mediation;
import org.pastoralflow.mediation.MediationService;
import org.pastoralflow.oncall.OncallCall;
import org.pastoralflow.oncall.OncallService;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.supportplan.SupportPlans;
import org.pastoralflow.support.JustNow;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.transition.Leaver;
import org.pastoralflow.transition.LeaverService;
import org.pastoralflow.workflow.Processes;
import org.pastoralflow.workflow.TaskInbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A subject access request over HTTP on PostgreSQL: the office logs it and sees its dates and
 * status, never what is held; the DSL reviews everything every feature holds, withholds a record
 * with a reason, downloads the ZIP (every feature's part, the withheld record absent and listed,
 * another pupil's name redacted) and records the sending; the export is audited. The deadline's
 * timers are tested by the engine clock in {@link SubjectAccessProcessTest}.
 */
@PostgresIntegrationTest
class SubjectAccessIntegrationTest {

    static final Viewer TEACHER = new Viewer("teacher", "Tess Teacher", Set.of("staff"));
    static final Viewer PSO = new Viewer("pso", "Pat Officer", Set.of("staff", "pso"));
    static final Viewer LEAD = new Viewer("lead", "Lee Pastoral-Lead", Set.of("staff", "pastoral-lead"));

    /** One CSV per kind of record, every feature's: what the ZIP must hold whatever the student's records. */
    static final List<String> PARTS = List.of("student", "child-protection-plan", "chronology", "referrals", "external-referrals",
            "support-plans", "plan-sessions", "incidents", "incident-parts", "incident-checklist", "use-of-force",
            "incident-attachments", "mediations", "mediation-parties", "attendance-weeks", "attendance-concerns", "oncall-calls",
            "transitions", "transition-child-protection", "transition-milestones", "transition-notes", "transition-concerns",
            "leavers", "leaver-child-protection-file", "retention-decisions", "audit-trail");

    @LocalServerPort int port;
    @Autowired StudentRepository students;
    @Autowired CaseStore caseStore;
    @Autowired ReferralService referrals;
    @Autowired IncidentLog investigations;
    @Autowired MediationService mediations;
    @Autowired OncallService oncall;
    @Autowired SupportPlans plans;
    @Autowired LeaverService leavers;
    @Autowired AuditRepository audit;
    @Autowired SubjectAccessRequestRepository requests;
    @Autowired WithheldItemRepository withheld;
    @Autowired TaskInbox inbox;
    @Autowired Processes processes;
    @Autowired JdbcTemplate jdbc;

    Student yearTen(int skip) {
        return students.findAll().stream().filter(x -> x.getYearGroup() == 10).sorted(Comparator.comparing(Student::getUpn))
                .skip(skip).findFirst().orElseThrow();
    }

    static String fullName(Student s) {
        return s.getLegalForename() + " " + s.getLegalSurname();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    static String text(Map<String, byte[]> files, String name) {
        assertThat(files).containsKey(name);
        return new String(files.get(name), StandardCharsets.UTF_8);
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    Map<String, String> requestForm(Student s, String requester) {
        Map<String, String> form = new HashMap<>();
        form.put("upn", s.getUpn());
        form.put("requesterName", requester);
        form.put("relationship", "parent-carer");
        form.put("identityCheck", "photo-id");
        form.put("receivedOn", JustNow.today().minusDays(3).toString());
        form.put("replyMethod", "email");
        form.put("replyTo", "parent@family.example");
        return form;
    }

    SubjectAccessRequest logByAdmin(HttpUser admin, Student s, String requester) {
        HttpResponse<String> logged = admin.postWithToken("/subject-access", requestForm(s, requester), admin.csrfFrom("/subject-access/new"));
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(302);
        return requests.findAll().stream().filter(r -> r.getRequesterName().equals(requester)).findFirst().orElseThrow();
    }

    String task(SubjectAccessRequest r, String key) {
        return inbox.openTaskId(r.getProcessInstanceId(), key).orElseThrow(() -> new AssertionError("no open task " + key));
    }

    /** Something in every feature about the student, each with the run's marker; another pupil named in two of them. */
    record Seeded(Referral referral, Incident incident, Mediation mediation, OncallCall call, Leaver leaver, ChronologyEntry secret,
                  String transitionReference, long attachmentId) {
    }

    Seeded seed(Student s, Student other, String marker) {
        ChronologyEntry secret = caseStore.record(NewEntry.now(s.getId(), EntryKind.NOTE, Confidentiality.SAFEGUARDING, "dsl",
                "Disclosure to the DSL", "WITHHELD-" + marker, null, null));
        caseStore.record(NewEntry.now(s.getId(), EntryKind.NOTE, Confidentiality.PASTORAL, "pso",
                "Fell out at lunch", "Fell out with " + fullName(other) + " at lunch, " + marker, null, null));
        Referral referral = referrals.raise(new FormData(Map.of("studentId", s.getId().toString(), "category", "welfare",
                "description", "Quiet and withdrawn, " + marker, "occurredAt", JustNow.at().toString())), TEACHER);
        jdbc.update("insert into external_referral (id, referral_id, agency, referred_on, agency_reference, recorded_by, recorded_at, "
                + "confidentiality) values (nextval('external_referral_seq'), ?, 'camhs', current_date, ?, 'dsl', now(), 'SAFEGUARDING')",
                referral.getId(), "AGENCY-" + marker);
        plans.start(s.getId(), null, "pso", new SupportPlans.SupportPlanInput("Goals " + marker, List.of("mentoring"),
                "plan-score", "Wellbeing score", 4, true, "Phone call"), PSO);
        Incident incident = investigations.log(new FormData(Map.of("occurredOn", JustNow.date(),
                "occurredTime", JustNow.time(), "location", "Lunch queue", "type", "fight",
                "description", "Pushed by " + fullName(other) + " in the lunch queue, " + marker,
                "upn-0", s.getUpn(), "part-0", "target", "upn-1", other.getUpn(), "part-1", "alleged-perpetrator")), TEACHER);
        Long ownCheck = jdbc.queryForObject("select id from incident_check where incident_id = ? and student_id = ? and kind = 'STUDENT_STATEMENT'",
                Long.class, incident.getId(), s.getId());
        Long otherCheck = jdbc.queryForObject("select id from incident_check where incident_id = ? and student_id = ? and kind = 'STUDENT_STATEMENT'",
                Long.class, incident.getId(), other.getId());
        long attachment = jdbc.queryForObject("select nextval('incident_attachment_seq')", Long.class);
        jdbc.update("insert into incident_attachment (id, incident_id, check_id, file_name, content_type, size_bytes, sha256, content, "
                + "uploaded_by, uploaded_at) values (?, ?, ?, ?, 'application/pdf', 9, 'x', ?, 'pso', now())",
                attachment, incident.getId(), ownCheck, "statement " + fullName(s) + ".pdf", ("%PDF-own " + marker).getBytes(StandardCharsets.UTF_8));
        jdbc.update("insert into incident_attachment (id, incident_id, check_id, file_name, content_type, size_bytes, sha256, content, "
                + "uploaded_by, uploaded_at) values (nextval('incident_attachment_seq'), ?, ?, 'theirs.pdf', 'application/pdf', 9, 'x', ?, 'pso', now())",
                incident.getId(), otherCheck, ("%PDF-OTHERS-STATEMENT " + marker).getBytes(StandardCharsets.UTF_8));
        Mediation mediation = mediations.startByHand(new FormData(Map.of("upn-0", s.getUpn(), "upn-1", other.getUpn(),
                "reason", "After the lunch queue, " + marker)), PSO);
        jdbc.update("insert into attendance_week (id, student_id, week_commencing, possible_sessions, attended_sessions, authorised_absence, "
                + "unauthorised_absence, late_sessions, imported_at) values (nextval('attendance_week_seq'), ?, date '2019-09-02', 10, 9, 1, 0, 0, now())",
                s.getId());
        OncallCall call = oncall.raise(new FormData(Map.of("room", "B12", "reason", "Upset in class, " + marker, "student", s.getUpn())), TEACHER);
        jdbc.update("insert into transition_cohort (entry_year, transition_day_first, transition_day_last, interviews_due, updated_by, updated_at) "
                + "select 2023, date '2023-07-04', date '2023-07-05', date '2023-06-30', 'test', now() "
                + "where not exists (select 1 from transition_cohort where entry_year = 2023)");
        String transitionReference = "T23-" + marker.substring(0, 5);
        long transition = jdbc.queryForObject("select nextval('transition_seq')", Long.class);
        jdbc.update("insert into transition (id, reference, entry_year, upn, legal_surname, legal_forename, date_of_birth, feeder_school_id, "
                + "sen_status, ehcp, in_care, cp_plan, anxiety, young_carer, primary_recommends, cp_file_expected, status, student_id, "
                + "imported_at, updated_at, version) values (?, ?, 2023, ?, ?, ?, ?, (select min(id) from feeder_school), 'N', false, false, "
                + "true, false, false, false, true, 'SETTLED', ?, now(), now(), 0)", transition, transitionReference, s.getUpn(),
                s.getLegalSurname(), s.getLegalForename(), s.getDateOfBirth(), s.getId());
        jdbc.update("insert into transition_note (id, transition_id, kind, confidentiality, occurred_at, recorded_at, recorded_by, summary, detail) "
                + "values (nextval('transition_note_seq'), ?, 'NOTE', 'PASTORAL', now(), now(), 'lead', 'From the primary', ?)",
                transition, "Primary says: " + marker);
        Leaver leaver = leavers.record(new FormData(Map.of("upn", s.getUpn(), "leavingOn", JustNow.today().plusDays(30).toString(),
                "reason", "other")), LEAD);
        jdbc.update("insert into retention_review (id, student_id, confidentiality, retain_until, entries, listed_at, status, decided_by, "
                + "decided_at, reason, held_until) values (nextval('retention_review_seq'), ?, 'SEND', current_date, 1, now(), 'HELD', 'dsl', now(), ?, ?)",
                s.getId(), "HOLD-" + marker, LocalDate.now().plusYears(1));
        return new Seeded(referral, incident, mediation, call, leaver, secret, transitionReference, attachment);
    }

    @Test
    void theOfficeLogsTheDslWithholdsRedactsExportsAndSends() throws Exception {
        Student s = yearTen(61);
        Student other = yearTen(62);
        String marker = "SAR" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Seeded seeded = seed(s, other, marker);
        String secretKey = CaseStore.ENTRY + "-" + seeded.secret().getId();

        // the office: wrong input is refused beside each field, and nothing is written
        HttpUser admin = HttpUser.signedIn(port, "admin");
        long before = requests.count();
        Map<String, String> wrong = requestForm(s, "\u202Eevil");
        wrong.put("upn", "NOTAUPN");
        wrong.put("relationship", "spouse");
        wrong.put("receivedOn", JustNow.today().plusDays(2).toString());
        wrong.remove("replyTo");
        HttpResponse<String> refused = admin.postWithToken("/subject-access", wrong, admin.csrfFrom("/subject-access/new"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"upn-error\"", "id=\"requesterName-error\"", "id=\"relationship-error\"",
                "id=\"receivedOn-error\"", "id=\"replyTo-error\"").contains("text-direction");
        assertThat(requests.count()).isEqualTo(before);

        // the office logs it and follows its dates; the request's page, the review, the export and the task are not theirs
        String requester = "Robin Parent " + marker;
        SubjectAccessRequest r = logByAdmin(admin, s, requester);
        assertThat(r.getReference()).matches("S\\d{2}-\\d{5}");
        assertThat(r.getDueOn()).isEqualTo(JustNow.today().minusDays(3).plusMonths(1));
        String list = admin.get("/subject-access").body();
        assertThat(list).contains(r.getReference(), requester, "Waiting for the DSL").doesNotContain(s.displayName())
                .doesNotContain("/subject-access/" + r.getReference());
        String reviewTask = task(r, SubjectAccessProcess.TASK_REVIEW);
        assertThat(admin.get("/subject-access/" + r.getReference()).statusCode()).isEqualTo(403);
        assertThat(admin.getBytes("/subject-access/" + r.getReference() + "/export.zip").statusCode()).isEqualTo(403);
        assertThat(admin.post("/subject-access/" + r.getReference() + "/extension", Map.of()).statusCode()).isEqualTo(403);
        assertThat(admin.get("/tasks/" + reviewTask).statusCode()).isEqualTo(404);
        assertThat(admin.get("/inbox").body()).doesNotContain(r.getReference());
        HttpUser head = HttpUser.signedIn(port, "head");
        assertThat(head.get("/subject-access").body()).contains(r.getReference()).doesNotContain(s.displayName());
        assertThat(head.get("/subject-access/" + r.getReference()).statusCode()).isEqualTo(403);
        assertThat(HttpUser.signedIn(port, "pso").get("/subject-access").statusCode()).isEqualTo(403);

        // the DSL reviews everything held: other pupils' names already redacted; the showing is audited
        HttpUser dsl = HttpUser.signedIn(port, "dsl");
        assertThat(dsl.getBytes("/subject-access/" + r.getReference() + "/export.zip").statusCode()).as("nothing to export before the review")
                .isEqualTo(404);
        String review = dsl.get("/tasks/" + reviewTask).body();
        assertThat(review).contains("WITHHELD-" + marker, seeded.referral().getReference(), seeded.incident().getReference(),
                seeded.mediation().getReference(), seeded.call().getReference(), seeded.leaver().getReference(), seeded.transitionReference(),
                "AGENCY-" + marker, "HOLD-" + marker, "Primary says: " + marker, "another pupil").doesNotContain(fullName(other));
        assertThat(audit.findAll().stream().filter(e -> "dsl".equals(e.getActor()) && "VIEW".equals(e.getAction())
                && CaseStore.ENTRY.equals(e.getRecordType()) && seeded.secret().getId().equals(e.getRecordId())
                && e.getDetail().contains(r.getReference()))).isNotEmpty();
        // the trail is held about the child and shown on the review, but showing it again does not audit a view of each
        // view before it: two more showings add the same number of rows (it used to double the trail each time)
        java.util.function.LongSupplier trail = () -> audit.findAll().stream().filter(e -> r.getStudentId().equals(e.getStudentId())).count();
        long beforeShowings = trail.getAsLong();
        dsl.get("/tasks/" + reviewTask);
        long afterOne = trail.getAsLong();
        dsl.get("/tasks/" + reviewTask);
        long afterTwo = trail.getAsLong();
        assertThat(afterTwo - afterOne).as("rows audited by one more showing of the review").isEqualTo(afterOne - beforeShowings);

        // withholding needs a reason, and "another exemption" an explanation; a wrong answer writes nothing
        String reviewToken = dsl.csrfFrom("/tasks/" + reviewTask);
        HttpResponse<String> unexplained = dsl.postWithToken("/tasks/" + reviewTask, Map.of("withhold." + secretKey, "other"), reviewToken);
        assertThat(unexplained.statusCode()).isEqualTo(422);
        assertThat(unexplained.body()).contains("id=\"note." + secretKey + "-error\"");
        HttpResponse<String> madeUp = dsl.postWithToken("/tasks/" + reviewTask, Map.of("withhold.referral-0", "third-party",
                "withhold." + secretKey, "because"), reviewToken);
        assertThat(madeUp.statusCode()).isEqualTo(422);
        assertThat(madeUp.body()).contains("id=\"withhold-error\"", "id=\"withhold." + secretKey + "-error\"");
        assertThat(withheld.findByRequestIdOrderByIdAsc(r.getId())).isEmpty();
        assertThat(task(r, SubjectAccessProcess.TASK_REVIEW)).isEqualTo(reviewTask);

        HttpResponse<String> reviewed = dsl.postWithToken("/tasks/" + reviewTask, Map.of("withhold." + secretKey, "serious-harm",
                "note." + secretKey, "Disclosure would put the child at risk"), reviewToken);
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(302);
        assertThat(withheld.findByRequestIdOrderByIdAsc(r.getId())).singleElement()
                .satisfies(w -> assertThat(w.key()).isEqualTo(secretKey)).satisfies(w -> assertThat(w.reason()).isEqualTo(WithholdReason.SERIOUS_HARM));

        // produce: not ready until downloaded and read
        String produceTask = task(r, SubjectAccessProcess.TASK_PRODUCE);
        HttpResponse<String> notRead = dsl.postWithToken("/tasks/" + produceTask, Map.of("checked", "yes"), dsl.csrfFrom("/tasks/" + produceTask));
        assertThat(notRead.statusCode()).isEqualTo(422);
        assertThat(notRead.body()).contains("Download the export and read it first");

        HttpResponse<byte[]> download = dsl.getBytes("/subject-access/" + r.getReference() + "/export.zip");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
        Map<String, byte[]> files = unzip(download.body());
        for (String part : PARTS) {
            assertThat(files).as("every feature's part").containsKey(part + ".csv");
        }
        assertThat(files).containsKeys("README.txt", "record.pdf", "withheld.csv", "attachments/incident-attachments/" + seeded.attachmentId() + ".pdf");
        assertThat(new String(files.get("attachments/incident-attachments/" + seeded.attachmentId() + ".pdf"), StandardCharsets.UTF_8))
                .isEqualTo("%PDF-own " + marker);
        assertThat(text(files, "student.csv")).contains(s.getUpn()).doesNotContain("cp_plan");
        assertThat(text(files, "chronology.csv")).contains("Fell out with another pupil at lunch, " + marker);
        assertThat(text(files, "referrals.csv")).contains(seeded.referral().getReference());
        assertThat(text(files, "external-referrals.csv")).contains("AGENCY-" + marker);
        assertThat(text(files, "support-plans.csv")).contains("Goals " + marker);
        assertThat(text(files, "incidents.csv")).contains(seeded.incident().getReference(), "Pushed by another pupil in the lunch queue");
        assertThat(text(files, "incident-parts.csv")).contains("target").doesNotContain("alleged-perpetrator");
        assertThat(text(files, "incident-checklist.csv")).contains("STUDENT_STATEMENT");
        assertThat(text(files, "mediations.csv")).contains(seeded.mediation().getReference());
        assertThat(text(files, "mediation-parties.csv").lines().count()).as("the student's own part only").isEqualTo(2);
        assertThat(text(files, "attendance-weeks.csv")).contains("2019-09-02");
        assertThat(text(files, "oncall-calls.csv")).contains(seeded.call().getReference());
        assertThat(text(files, "transitions.csv")).contains(seeded.transitionReference()).doesNotContain("cp_file_expected");
        assertThat(text(files, "transition-child-protection.csv")).contains(seeded.transitionReference());
        assertThat(text(files, "transition-notes.csv")).contains("Primary says: " + marker);
        assertThat(text(files, "leavers.csv")).contains(seeded.leaver().getReference());
        assertThat(text(files, "retention-decisions.csv")).contains("HOLD-" + marker);
        assertThat(text(files, "audit-trail.csv")).contains("subject access review " + r.getReference());
        String withheldList = text(files, "withheld.csv");
        assertThat(withheldList).contains(CaseStore.ENTRY + "," + seeded.secret().getId() + ",The whole record")
                .contains(WithholdReason.SERIOUS_HARM.label(), "Disclosure would put the child at risk")
                .contains("The name of another pupil, in detail", "The name of another pupil, in description");
        // the PDF's text wraps anywhere in its narrow columns: compared without white space
        String pdf = pdfText(files.get("record.pdf")).replaceAll("\\s+", "");
        assertThat(pdf).contains(seeded.referral().getReference(), "anotherpupil", "Likelytocauseseriousharm")
                .doesNotContain("WITHHELD-" + marker).doesNotContain(fullName(other).replaceAll("\\s+", ""));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (!f.getKey().equals("record.pdf")) {
                assertThat(new String(f.getValue(), StandardCharsets.UTF_8)).as(f.getKey()).doesNotContain("WITHHELD-" + marker)
                        .doesNotContain(fullName(other)).doesNotContain("OTHERS-STATEMENT");
            }
            assertThat(f.getKey()).doesNotContain(s.getLegalSurname());
        }
        List<AuditEvent> exports = audit.findAll().stream().filter(e -> "EXPORT".equals(e.getAction())
                && SubjectAccessService.AUDIT_TYPE.equals(e.getRecordType()) && r.getId().equals(e.getRecordId())).toList();
        assertThat(exports).singleElement().satisfies(e -> {
            assertThat(e.getActor()).isEqualTo("dsl");
            assertThat(e.getStudentId()).isEqualTo(s.getId());
            assertThat(e.getDetail()).contains(r.getReference(), "chronology", "incidents 1", "withheld ");
        });
        assertThat(requests.findById(r.getId()).orElseThrow().getExportSha256()).isEqualTo(SubjectAccessExport.sha256(download.body()));

        HttpResponse<String> ready = dsl.postWithToken("/tasks/" + produceTask, Map.of("checked", "yes"), dsl.csrfFrom("/tasks/" + produceTask));
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(302);

        // send and record: a date in the future is refused; then the request is answered and the workflow ends
        String sendTask = task(r, SubjectAccessProcess.TASK_SEND);
        String sendToken = dsl.csrfFrom("/tasks/" + sendTask);
        Map<String, String> sent = new HashMap<>(Map.of("sentOn", JustNow.today().plusDays(1).toString(),
                "sentHow", "email", "sentTo", "parent@family.example"));
        HttpResponse<String> future = dsl.postWithToken("/tasks/" + sendTask, sent, sendToken);
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(future.body()).contains("id=\"sentOn-error\"").contains("parent@family.example");
        sent.put("sentOn", JustNow.today().toString());
        assertThat(dsl.postWithToken("/tasks/" + sendTask, sent, sendToken).statusCode()).isEqualTo(302);
        SubjectAccessRequest answered = requests.findById(r.getId()).orElseThrow();
        assertThat(answered.isSent()).isTrue();
        assertThat(processes.isRunning(answered.getProcessInstanceId())).isFalse();
        assertThat(admin.get("/subject-access").body()).contains(r.getReference());
        assertThat(dsl.getBytes("/subject-access/" + r.getReference() + "/export.zip").statusCode()).as("what was sent counts").isEqualTo(404);
        assertThat(dsl.get("/subject-access/" + r.getReference()).body()).contains("Sent", "Disclosure would put the child at risk");
    }

    @Test
    void aComplexRequestIsExtendedOnceWithinTheFirstMonthAndItsTasksFollow() {
        Student s = yearTen(63);
        HttpUser admin = HttpUser.signedIn(port, "admin");
        String requester = "Sam Advocate " + Long.toString(System.nanoTime(), 36);
        SubjectAccessRequest r = logByAdmin(admin, s, requester);
        LocalDate received = r.getReceivedOn();
        HttpUser dsl = HttpUser.signedIn(port, "dsl");
        String page = "/subject-access/" + r.getReference();
        assertThat(dsl.get(page).body()).contains(s.displayName(), requester, "Extend for a complex request");
        String token = dsl.csrfFrom(page);

        HttpResponse<String> early = dsl.postWithToken(page + "/extension", Map.of("extensionReason", "Many records across five years",
                "toldOn", received.minusDays(1).toString(), "toldHow", "carrier-pigeon"), token);
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(early.body()).contains("id=\"toldOn-error\"", "id=\"toldHow-error\"", "Many records across five years");
        assertThat(requests.findById(r.getId()).orElseThrow().isExtended()).isFalse();

        HttpResponse<String> extended = dsl.postWithToken(page + "/extension", Map.of("extensionReason", "Many records across five years",
                "toldOn", JustNow.today().toString(), "toldHow", "email"), token);
        assertThat(extended.statusCode()).isEqualTo(302);
        SubjectAccessRequest now = requests.findById(r.getId()).orElseThrow();
        assertThat(now.getDueOn()).isEqualTo(received.plusMonths(3));
        var review = inbox.get(task(r, SubjectAccessProcess.TASK_REVIEW), new Viewer("dsl", "Dee Lead", Set.of("staff", "dsl")));
        assertThat(review.due().toInstant().atZone(JustNow.SCHOOL).toLocalDate()).isEqualTo(received.plusMonths(3));
        assertThat(admin.get("/subject-access").body()).contains(requester, "(extended)");

        HttpResponse<String> again = dsl.postWithToken(page + "/extension", Map.of("extensionReason", "Still more",
                "toldOn", JustNow.today().toString(), "toldHow", "email"), token);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("already extended");
    }
}
