package org.pastoralflow.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The MIS import: all or nothing, with a report that names each bad row and column. */
@PostgresIntegrationTest
class StudentImportIntegrationTest {

    static final String HEADER = "UPN,Legal Surname,Legal Forename,Preferred Forename,DOB,Gender,Year,Reg Group,SEN Status,EHCP,FSM,EAL,In Care,Young Carer\n";

    @Autowired StudentImporter importer;
    @Autowired StudentRepository students;
    @Autowired MockMvc mvc;

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
                + row(upn(12), "Reid", "31/12/2012", "8", "8B")
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
}
