package org.pastoralflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.pastoralflow.audit.AuditEvent;
import org.pastoralflow.audit.AuditRepository;
import org.pastoralflow.investigation.IncidentLog;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.JustNow;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.workflow.SchoolTerm;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The termly data pack over HTTP: the governors' PDF and CSV name no student (checked against
 * every student of the year group, and shown able to fail by the leaders' edition, which names the
 * student on the early-intervention list); its counts are the dashboards' for that term and the
 * term before, with counts from 1 to 4 shown as "fewer than 5" to governors and as they are to
 * leaders; every download is audited.
 */
@PostgresIntegrationTest
class DataPackIntegrationTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Viewer TEACHER = new Viewer("teacher", "Tess", Set.of("staff"));
    static final Viewer LEAD = new Viewer("lead", "Lee", Set.of("staff", "pastoral-lead"));

    @LocalServerPort int port;
    @Autowired Filters filters;
    @Autowired Dashboards dashboards;
    @Autowired StudentRepository students;
    @Autowired IncidentLog investigations;
    @Autowired AuditRepository audit;

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    long exports(String detailPart) {
        return audit.findAll().stream().filter(e -> "EXPORT".equals(e.getAction()) && "data-pack".equals(e.getRecordType())
                && e.getDetail().contains(detailPart)).count();
    }

    @Test
    void theGovernorsEditionNamesNoStudentAndEveryDownloadIsAudited() throws Exception {
        SchoolTerm term = filters.currentTerm().orElseThrow();
        List<Student> year8 = students.findAll().stream().filter(s -> s.getYearGroup() == 8)
                .sorted(Comparator.comparing(Student::getUpn)).toList();
        Student busy = year8.get(110);
        DashboardFilter now = filters.forTerm(term, 8);
        // the rarest type of incident this term in Year 8 (of those that stay with the investigation), made 1 to 4
        Map<String, Long> typesBefore = new java.util.TreeMap<>();
        dashboards.table("incidents-type", now, LEAD).rows().forEach(r -> typesBefore.put((String) r.get(0), (Long) r.get(1)));
        String rare = Set.of("Bullying", "Damage to property", "Online", "Other").stream()
                .min(Comparator.comparing(typesBefore::get)).orElseThrow();
        long rareCount = typesBefore.get(rare) + 1;
        assertThat(rareCount).as("a count the governors' edition must not show: %s", typesBefore).isBetween(1L, 4L);
        String rareCode = Map.of("Bullying", "bullying", "Damage to property", "damage", "Online", "online", "Other", "other").get(rare);
        investigations.log(new FormData(Map.of("occurredOn", JustNow.date(), "occurredTime", JustNow.time(),
                "location", "Corridor", "type", rareCode, "description", "Data pack rare incident",
                "upn-0", year8.get(112).getUpn(), "part-0", "alleged-perpetrator")), TEACHER);
        for (int i = 0; i < 5; i++) {
            investigations.log(new FormData(Map.of("occurredOn", JustNow.date(), "occurredTime", JustNow.time(),
                    "location", "Mr Named's classroom", "type", "fight", "description", "Data pack test " + i,
                    "upn-0", busy.getUpn(), "part-0", "alleged-perpetrator", "upn-1", year8.get(111).getUpn(), "part-1", "target")), TEACHER);
        }
        HttpUser lead = HttpUser.signedIn(port, "lead");
        String query = "?term=" + term.getId() + "&year=8&edition=";

        long pdfsBefore = exports("governors' edition, " + term.getName() + " · Year 8, PDF");
        byte[] governorsPdf = pdf(lead, "/reports/data-pack.pdf" + query + "governors");
        String governors = text(governorsPdf);
        assertThat(governors).contains("Termly data pack").contains("Incidents, by type").contains("Governors' edition");
        for (Student s : year8) {
            assertThat(governors).as("a name in the governors' edition").doesNotContain(s.displayName())
                    .doesNotContain(s.getLegalForename() + " " + s.getLegalSurname());
        }
        assertThat(governors).as("places are typed freely and may name someone").doesNotContain("Mr Named");
        assertThat(exports("governors' edition, " + term.getName() + " · Year 8, PDF")).isEqualTo(pdfsBefore + 1);

        String governorsCsv = lead.get("/reports/data-pack.csv" + query + "governors").body();
        for (Student s : year8) {
            assertThat(governorsCsv).doesNotContain(s.displayName());
        }
        // the pack's counts are the dashboards' for this term and the term before, small ones hidden from governors
        Map<String, Long> fromDashboard = new java.util.TreeMap<>();
        dashboards.table("incidents-type", now, LEAD).rows().forEach(r -> fromDashboard.put((String) r.get(0), (Long) r.get(1)));
        SchoolTerm before = filters.termBefore(term).orElseThrow();
        Map<String, Long> previous = new java.util.TreeMap<>();
        dashboards.table("incidents-type", filters.forTerm(before, 8), LEAD).rows().forEach(r -> previous.put((String) r.get(0), (Long) r.get(1)));
        assertThat(fromDashboard.get(rare)).isEqualTo(rareCount);
        assertThat(fromDashboard.get("Fight")).isGreaterThanOrEqualTo(5);

        List<CSVRecord> records = incidentTypes(governorsCsv);
        assertThat(records).extracting(r -> r.get(1)).containsExactlyInAnyOrderElementsOf(fromDashboard.keySet());
        for (CSVRecord r : records) {
            long was = previous.get(r.get(1)), is = fromDashboard.get(r.get(1));
            assertThat(r.get(2)).as("%s in %s", r.get(1), before.getName()).isEqualTo(governorsSees(was));
            assertThat(r.get(3)).as("%s this term", r.get(1)).isEqualTo(governorsSees(is));
            assertThat(r.get(4)).as("the change in %s", r.get(1))
                    .isEqualTo(was > 0 && was < 5 || is > 0 && is < 5 ? "not shown" : change(is - was));
        }
        CSVRecord rareRow = records.stream().filter(r -> r.get(1).equals(rare)).findFirst().orElseThrow();
        assertThat(rareRow.get(3)).isEqualTo("fewer than 5");
        assertThat(rareRow.get(4)).isEqualTo("not shown");
        assertThat(governors).contains("fewer than 5");
        assertThat(exports("governors' edition, " + term.getName() + " · Year 8, CSV")).isPositive();

        // leaders see every count as it is
        List<CSVRecord> leaderRecords = incidentTypes(lead.get("/reports/data-pack.csv" + query + "leaders").body());
        for (CSVRecord r : leaderRecords) {
            assertThat(Long.valueOf(r.get(2))).as("%s in %s", r.get(1), before.getName()).isEqualTo(previous.get(r.get(1)));
            assertThat(Long.valueOf(r.get(3))).as("%s this term", r.get(1)).isEqualTo(fromDashboard.get(r.get(1)));
        }
        assertThat(leaderRecords).extracting(r -> r.get(1)).containsExactlyInAnyOrderElementsOf(fromDashboard.keySet());

        String leaders = text(pdf(lead, "/reports/data-pack.pdf" + query + "leaders"));
        assertThat(leaders).as("the leaders' edition names who is on the early-intervention list")
                .contains(busy.displayName()).contains("Mr Named");
        assertThat(exports("senior leaders' edition, " + term.getName() + " · Year 8, PDF")).isPositive();

        assertThat(lead.get("/reports/data-pack.pdf?term=999999&edition=governors").statusCode()).isEqualTo(400);
        assertThat(lead.get("/reports/data-pack.pdf?term=" + term.getId() + "&edition=everyone").statusCode()).isEqualTo(400);
        assertThat(HttpUser.signedIn(port, "pso").get("/reports/data-pack.pdf" + query + "governors").statusCode()).isEqualTo(403);
        List<AuditEvent> mine = audit.findAll().stream().filter(e -> "data-pack".equals(e.getRecordType())).toList();
        assertThat(mine).allSatisfy(e -> assertThat(e.getActor()).isEqualTo("lead"));
    }

    static List<CSVRecord> incidentTypes(String csv) throws Exception {
        List<CSVRecord> records = new ArrayList<>();
        CSVFormat.DEFAULT.parse(new StringReader(csv)).forEach(r -> {
            if (r.get(0).equals("Incidents, by type")) {
                records.add(r);
            }
        });
        return records;
    }

    /** What the governors' edition prints for a count (the default smallest count shown is 5). */
    static String governorsSees(long count) {
        return count > 0 && count < 5 ? "fewer than 5" : String.valueOf(count);
    }

    static String change(long d) {
        return d == 0 ? "no change" : (d > 0 ? "+" : "−") + Math.abs(d);
    }

    static byte[] pdf(HttpUser user, String path) {
        HttpResponse<byte[]> r = user.getBytes(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        return r.body();
    }
}
