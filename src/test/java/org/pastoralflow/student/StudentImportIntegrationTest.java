package org.pastoralflow.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.pastoralflow.forms.ImportReport;
import org.pastoralflow.support.ApiUser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The MIS import: all or nothing, with a report that names each bad row and column; exports shaped
 * as SIMS, Arbor and Bromcom write them (src/test/resources/mis, made by make-fixtures.py from
 * gen_school.py) imported as they come, through the page and the API.
 */
@PostgresIntegrationTest
class StudentImportIntegrationTest {

    static final String HEADER = "UPN,Legal Surname,Legal Forename,Preferred Forename,DOB,Gender,Year,Reg Group,SEN Status,EHCP,FSM,EAL,In Care,Young Carer\n";

    @Autowired StudentImporter importer;
    @Autowired StudentRepository students;
    @Autowired MockMvc mvc;
    @LocalServerPort int port;

    /** A valid UPN in LA 999, so it never collides with the demo school's. */
    static String upn(int serial) {
        String digits = String.format("999500127%03d", serial);
        return Upn.checkLetter(digits) + digits;
    }

    static String row(String upn, String surname, String dob, String year, String reg) {
        return upn + "," + surname + ",Ada,,"+ dob + ",F," + year + "," + reg + ",N,N,Y,N,N,N\n";
    }

    ImportReport run(String csv) throws Exception {
        return importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "admin");
    }

    @Test
    void aValidFileIsImportedAndAReimportUpdatesInsteadOfDuplicating() throws Exception {
        String a = upn(1), b = upn(2);
        ImportReport first = run(HEADER + row(a, "Okafor", "2013-02-01", "8", "8A") + row(b, "Nowak", "2012-07-15", "9", "9C"));
        assertThat(first.accepted()).isTrue();
        assertThat(first.created()).isEqualTo(2);
        assertThat(students.findByUpn(a)).hasValueSatisfying(s -> {
            assertThat(s.getLegalSurname()).isEqualTo("Okafor");
            assertThat(s.isFsm()).isTrue();
        });

        ImportReport again = run(HEADER + row(a, "Okafor", "2013-02-01", "8", "8D"));
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isEqualTo(1);
        assertThat(students.findByUpn(a).orElseThrow().getRegGroup()).isEqualTo("8D");
    }

    @Test
    void oneBadRowMeansNothingIsImportedAndTheReportNamesRowAndColumn() throws Exception {
        String good = upn(10);
        String typo = upn(11).substring(0, 12) + (upn(11).charAt(12) == '9' ? '8' : '9');
        long before = students.count();

        ImportReport report = run(HEADER
                + row(good, "Begum", "2013-03-03", "8", "8B")
                + row(typo, "Hussain", "2013-04-04", "8", "8B")
                + row(upn(12), "Reid", "12/31/2012", "8", "8B")
                + row(upn(13), "", "2013-05-05", "eight", "8B")
                + row(good, "Begum", "2013-03-03", "8", "8B"));

        assertThat(report.accepted()).isFalse();
        assertThat(report.problems()).extracting(ImportReport.Problem::line, ImportReport.Problem::field).contains(
                org.assertj.core.groups.Tuple.tuple(3, "UPN"),
                org.assertj.core.groups.Tuple.tuple(4, "DOB"),
                org.assertj.core.groups.Tuple.tuple(5, "Legal Surname"),
                org.assertj.core.groups.Tuple.tuple(5, "Year"),
                org.assertj.core.groups.Tuple.tuple(6, "UPN"));
        assertThat(report.problems()).filteredOn(p -> p.line() == 3).first()
                .satisfies(p -> assertThat(p.message()).contains("mistyped"));
        assertThat(students.count()).isEqualTo(before);
        assertThat(students.findByUpn(good)).isEmpty();
    }

    @Test
    void anExcelWorkbookUploadedInsteadOfItsCsvIsNamedAsSuchAndNothingIsImported() throws Exception {
        long before = students.count();
        byte[] workbook = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0, 'x', 'l', '/'};
        ImportReport report = importer.importCsv(new ByteArrayInputStream(workbook), "admin");
        assertThat(report.accepted()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("file");
            assertThat(p.message()).contains("Excel workbook").contains("CSV UTF-8");
        });
        assertThat(students.count()).isEqualTo(before);
    }

    @Test
    void aFileWithoutTheExpectedColumnsIsRefusedWithTheirNames() throws Exception {
        ImportReport report = run("UPN,Surname\n" + upn(20) + ",Shaw\n");
        assertThat(report.accepted()).isFalse();
        assertThat(report.problems().get(0).message()).contains("Legal Forename", "DOB", "SEN Status");
    }

    @Test
    void onlyAnAdministratorMayImport() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "students.csv", "text/csv",
                (HEADER + row(upn(30), "Kaur", "2013-06-06", "8", "8E")).getBytes(StandardCharsets.UTF_8));
        MockHttpSession pso = Web.signIn(mvc, "pso");
        mvc.perform(multipart("/admin/students/import").file(file).session(pso).with(csrf())).andExpect(status().isForbidden());
        assertThat(students.findByUpn(upn(30))).isEmpty();

        MockHttpSession admin = Web.signIn(mvc, "admin");
        String page = mvc.perform(multipart("/admin/students/import").file(file).session(admin).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("1</strong> rows");
        assertThat(students.findByUpn(upn(30))).isPresent();
    }

    // ------------------------------------------------------------------ real exports

    static byte[] fixture(String name) throws Exception {
        try (InputStream in = new ClassPathResource("mis/" + name).getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** The fixture read here on its own (commons-csv, a date format), to check the import against. */
    static List<CSVRecord> records(byte[] file, char delimiter) throws Exception {
        String text = new String(file, StandardCharsets.UTF_8);
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }

    static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu");

    Map<String, Student> imported(List<CSVRecord> rows) {
        return students.findByUpnIn(rows.stream().map(r -> r.get("UPN")).toList()).stream()
                .collect(Collectors.toMap(Student::getUpn, Function.identity()));
    }

    MvcResult postToApi(byte[] body) throws Exception {
        return mvc.perform(post("/api/students/import").with(httpBasic("admin", "demo")).contentType("text/csv").content(body))
                .andReturn();
    }

    @Test
    void theFiveStudentExportWithBomCrlfAccentsAnApostropheAndAQuotedCommaIsImportedThroughThePage() throws Exception {
        byte[] file = fixture("five-students.csv");
        assertThat(new String(file, StandardCharsets.UTF_8)).startsWith("\uFEFF").contains("\r\n", "\"Okafor, Jr\"");
        MockMultipartFile upload = new MockMultipartFile("file", "five-students.csv", "text/csv", file);
        String page = mvc.perform(multipart("/admin/students/import").file(upload).session(Web.signIn(mvc, "admin")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Imported <strong>5</strong> rows", "How the columns of the file were read",
                "&#39;FSM Eligible&#39; read as FSM", "&#39;Adno&#39; not used", "&#39;Address&#39; not used");

        Map<String, Student> byUpn = imported(records(file, ','));
        assertThat(byUpn.values()).extracting(Student::getLegalSurname, Student::getLegalForename, Student::getPreferredForename)
                .containsExactlyInAnyOrder(tuple("O'Neill", "Siobhán", "Siobhán"), tuple("Nguyễn", "Thị Mai", "Mai"),
                        tuple("Kowalski", "Łukasz", "Łukasz"), tuple("Okafor, Jr", "Chidi", "Chidi"), tuple("Brown", "Ava", "Ava"));
        Map<String, Student> bySurname = byUpn.values().stream().collect(Collectors.toMap(Student::getLegalSurname, Function.identity()));
        assertThat(bySurname.get("Nguyễn").getDateOfBirth()).as("05/03/2013 is 5 March").isEqualTo(LocalDate.of(2013, 3, 5));
        assertThat(bySurname.get("Kowalski").getDateOfBirth()).isEqualTo(LocalDate.of(2012, 12, 31));
        assertThat(bySurname.get("Kowalski").isFsm()).isTrue();
        assertThat(bySurname.get("O'Neill").getSenStatus()).isEqualTo("K");
    }

    @Test
    void simsArborAndBromcomExportsAreImportedAsTheyComeAndTheReportSaysHowEachColumnWasRead() throws Exception {
        record Shape(String file, char delimiter, String surname, String forename, String dob, String year, String group,
                     String fsm, String statement) {
        }
        for (Shape shape : List.of(
                new Shape("sims-students.csv", ',', "Legal Surname", "Legal Forename", "DOB", "Year", "Reg Group", "FSM Eligible",
                        "'Preferred Surname' not used"),
                new Shape("arbor-students.csv", ',', "Legal last name", "Legal first name", "Date of birth", "Year group",
                        "Registration form", "FSM", "'Registration form' read as Reg Group"),
                new Shape("bromcom-students.csv", ';', "Legal Last Name", "Legal First Name", "Date Of Birth", "Year Group",
                        "Tutor Group", "FSM", "'Date Of Birth' read as DOB"))) {
            byte[] file = fixture(shape.file());
            List<CSVRecord> rows = records(file, shape.delimiter());
            long started = System.nanoTime();
            MvcResult result = postToApi(file);
            long ms = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("MIS export %s: %d rows imported through the API in %d ms%n", shape.file(), rows.size(), ms);
            assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
            Map<String, Object> report = ApiUser.map(result.getResponse().getContentAsString());
            assertThat(report.get("rowsRead")).isEqualTo(rows.size());
            assertThat((Integer) report.get("created") + (Integer) report.get("updated"))
                    .as("new, or updated when another test imported the file first").isEqualTo(rows.size());
            List<String> statements = ((List<?>) report.get("columns")).stream().map(c -> String.valueOf(((Map<?, ?>) c).get("statement"))).toList();
            assertThat(statements).contains(shape.statement());

            Map<String, Student> byUpn = imported(rows);
            assertThat(byUpn).hasSize(rows.size());
            for (CSVRecord row : rows) {
                Student s = byUpn.get(row.get("UPN"));
                assertThat(s.getLegalSurname()).isEqualTo(row.get(shape.surname()));
                assertThat(s.getLegalForename()).isEqualTo(row.get(shape.forename()));
                assertThat(s.getDateOfBirth()).isEqualTo(LocalDate.parse(row.get(shape.dob()), DAY_FIRST));
                assertThat(s.getYearGroup()).isEqualTo(Integer.parseInt(row.get(shape.year()).replace("Year ", "")));
                assertThat(s.getRegGroup()).isEqualTo(row.get(shape.group()));
                assertThat(s.isFsm()).isEqualTo(row.get(shape.fsm()).startsWith("Y"));
            }
        }
    }

    @Test
    void eachBadExportIsRefusedWholeWithEveryProblemOfEveryRowNamed() throws Exception {
        long before = students.count();

        ImportReport us = importer.importCsv(new ByteArrayInputStream(fixture("bad-us-dates.csv")), "admin");
        assertThat(us.problems()).extracting(ImportReport.Problem::line, ImportReport.Problem::field).contains(tuple(1, "DOB"), tuple(3, "DOB"));
        assertThat(us.problems().get(0).message()).contains("row 3 has '12/31/2012'", "month first (US order)");

        ImportReport control = importer.importCsv(new ByteArrayInputStream(fixture("bad-control-character.csv")), "admin");
        assertThat(control.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.field()).isEqualTo("Legal Surname");
            assertThat(p.message()).isEqualTo("Legal Surname contains a control character (U+0007 at position 4).");
        });

        ImportReport duplicate = importer.importCsv(new ByteArrayInputStream(fixture("bad-duplicate-upn.csv")), "admin");
        assertThat(duplicate.problems()).extracting(ImportReport.Problem::line, ImportReport.Problem::field, ImportReport.Problem::message)
                .containsExactly(
                        tuple(5, "UPN", "UPN " + records(fixture("bad-duplicate-upn.csv"), ',').get(0).get("UPN")
                                + " appears more than once in the file (first on row 2)."),
                        tuple(5, "Legal Forename", "Legal Forename is empty."),
                        tuple(5, "DOB", "DOB '13/25/2010' is not a date: there is no month 25."));

        ImportReport unknown = importer.importCsv(new ByteArrayInputStream(fixture("bad-unknown-header.csv")), "admin");
        assertThat(unknown.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("Legal Surname");
            assertThat(p.message()).startsWith("The header row lacks column(s): Legal Surname.").contains("Legal Last Name, Surname");
        });
        assertThat(unknown.columns()).extracting(ImportReport.ColumnRead::statement).contains("'Family Name' not used");

        assertThat(students.count()).isEqualTo(before);
        MockMultipartFile upload = new MockMultipartFile("file", "bad.csv", "text/csv", fixture("bad-duplicate-upn.csv"));
        String page = mvc.perform(multipart("/admin/students/import").file(upload).session(Web.signIn(mvc, "admin")).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Nothing was imported", "<td>5</td><td>DOB</td>", "there is no month 25",
                "<details class=\"columns-read\" open=\"open\">");
        String api = postToApi(fixture("bad-us-dates.csv")).getResponse().getContentAsString();
        assertThat(api).contains("\"field\":\"DOB\"", "month first (US order)", "\"statement\":\"'DOB' read as DOB\"");
    }

    @Test
    void anApiBodyLargerThanAPageUploadIsRefusedWith413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        int limit = 10 * 1024 * 1024;
        String first = upn(40);
        byte[] head = (HEADER + row(first, "Large", "2013-02-01", "8", "8A")).getBytes(StandardCharsets.UTF_8);
        byte[] declared = java.util.Arrays.copyOf(head, limit + 1);
        java.util.Arrays.fill(declared, head.length, declared.length, (byte) 'x');
        var response = postToApi(declared).getResponse();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("larger than 10 MB");

        // the same without a length (chunked), over a real connection: refused once the limit is passed,
        // here inside a long cell of a column the import does not use
        byte[] opening = (HEADER.replace("\n", ",Notes\n") + row(first, "Large", "2013-02-01", "8", "8A").replace("\n", ",\""))
                .getBytes(StandardCharsets.UTF_8);
        byte[] filler = new byte[limit];
        java.util.Arrays.fill(filler, (byte) 'x');
        InputStream body = new SequenceInputStream(new ByteArrayInputStream(opening), new ByteArrayInputStream(filler));
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/students/import")).header("Content-Type", "text/csv")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(students.findByUpn(first)).as("nothing imported").isEmpty();

        assertThat(postToApi((HEADER + row(first, "Small", "2013-02-01", "8", "8A")).getBytes(StandardCharsets.UTF_8))
                .getResponse().getStatus()).as("a body within the limit is imported").isEqualTo(200);
    }
}
