package org.pastoralflow.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.pastoralflow.forms.ImportReport;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Areas of need from the MIS's SEN export: SIMS's and Arbor's header names, census codes or their names;
 * an unknown code, a pupil not on the register in the MIS, an unknown or repeated UPN each a problem on
 * its row and nothing written; a good file writes each pupil once (the profile kept), starts the SEN
 * support reviews, and a second import of the same needs changes nothing. Only the SENCO imports.
 */
@PostgresIntegrationTest
class SenNeedsImportIntegrationTest {

    @Autowired SenNeedsImporter importer;
    @Autowired StudentRepository students;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired MockMvc mvc;

    /** Year 11 pupils of this SEN status with nothing on the register (SendIntegrationTest takes Year 10's). */
    List<Student> pupils(String status, int n) {
        Set<Long> taken = Set.copyOf(jdbc.queryForList("select student_id from sen_register", Long.class));
        return students.findAll().stream().filter(s -> s.getYearGroup() == 11 && status.equals(s.getSenStatus()))
                .filter(s -> !taken.contains(s.getId())).sorted(Comparator.comparing(Student::getUpn)).limit(n).toList();
    }

    ImportReport load(String csv) throws Exception {
        return importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "senco");
    }

    long onRegister(Student s) {
        return jdbc.queryForObject("select count(*) from sen_register where student_id = ?", Long.class, s.getId());
    }

    @Test
    void aSimsExportWithOneBadRowWritesNothingAndTheCorrectedOneWritesEachPupilOnce() throws Exception {
        List<Student> k = pupils("K", 2);
        Student n = pupils("N", 1).get(0);
        String header = "UPN,Surname,SEN Need Type,Secondary Need\r\n";
        ImportReport bad = load(header + k.get(0).getUpn() + ",A,SEMH,\r\n" + k.get(1).getUpn() + ",B,DYSL,SpLD\r\n"
                + n.getUpn() + ",C,MLD,\r\n" + "A00000000000Z,D,ASD,\r\n" + k.get(0).getUpn() + ",A,SEMH,\r\n");
        assertThat(bad.accepted()).isFalse();
        assertThat(bad.problems()).extracting(ImportReport.Problem::line, ImportReport.Problem::field).contains(
                org.assertj.core.groups.Tuple.tuple(3, "SEN Need Type"), org.assertj.core.groups.Tuple.tuple(4, "UPN"),
                org.assertj.core.groups.Tuple.tuple(6, "UPN"));
        assertThat(bad.problems()).anySatisfy(p -> assertThat(p.message()).contains("'DYSL' is not a DfE census SEN type code"));
        assertThat(bad.problems()).anySatisfy(p -> assertThat(p.message()).contains("not at SEN support or with an EHCP"));
        assertThat(bad.problems()).filteredOn(p -> p.line() == 5).isNotEmpty();
        assertThat(onRegister(k.get(0)) + onRegister(k.get(1))).as("all or nothing").isZero();

        // the profile the SENCO wrote for the second pupil is kept when the import sets their needs
        String good = header + k.get(0).getUpn() + ",A,semh,\r\n" + k.get(1).getUpn() + ",B,Speech language and communication needs,ASD\r\n"
                + n.getUpn() + ",C,,\r\n";
        ImportReport wrong = load(good);
        assertThat(wrong.problems()).as("a label must be the census guide's own").singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(3));
        good = good.replace("Speech language and communication needs", "Speech, language and communication needs")
                .replace(",B,Speech", ",B,\"Speech").replace("needs,ASD", "needs\",ASD");
        ImportReport done = load(good);
        assertThat(done.problems()).isEmpty();
        assertThat(done.rowsRead()).as("the row without a need is passed over").isEqualTo(2);
        assertThat(done.created()).isEqualTo(2);
        assertThat(jdbc.queryForList("select primary_need || '/' || coalesce(secondary_need, '-') from sen_register where student_id in (?, ?) "
                + "order by student_id", String.class, k.get(0).getId(), k.get(1).getId()))
                .containsExactlyInAnyOrder("SEMH/-", "SLCN/ASD");
        assertThat(onRegister(n)).isZero();
        for (Student s : k) {
            String reference = jdbc.queryForObject("select reference from sen_register where student_id = ?", String.class, s.getId());
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(SupportReviewProcess.KEY).processInstanceBusinessKey(reference)
                    .count()).as("SEN support reviews for %s", s.getUpn()).isOne();
            assertThat(jdbc.queryForObject("select count(*) from chronology_entry where student_id = ? and confidentiality = 'SEND' "
                    + "and summary like ?", Long.class, s.getId(), "SEN register (" + reference + ") (from the MIS)%")).isOne();
        }

        ImportReport again = load(good);
        assertThat(again.created() + again.updated()).as("the same needs again change nothing").isZero();
        ImportReport arbor = load("Pupil UPN,Primary SEN Need,Secondary SEN Need\n" + k.get(0).getUpn() + ",SEMH,OTH\n");
        assertThat(arbor.updated()).isOne();
        assertThat(jdbc.queryForObject("select secondary_need from sen_register where student_id = ?", String.class, k.get(0).getId()))
                .isEqualTo("OTH");
    }

    @Test
    void hostileCellsAreProblemsOnTheirRowNeverAServerError() throws Exception {
        Student k = pupils("K", 1).get(0);
        ImportReport formula = load("UPN,Primary Need\n" + k.getUpn() + ",\"=HYPERLINK(\"\"http://x\"\",\"\"SEMH\"\")\"\n");
        assertThat(formula.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("Primary Need"));
        ImportReport control = load("UPN,Primary Need\n" + k.getUpn() + ",SE\u0000MH\n");
        assertThat(control.accepted()).isFalse();
        ImportReport huge = load("UPN,Primary Need\n" + k.getUpn() + "," + "S".repeat(100_000) + "\n");
        assertThat(huge.accepted()).isFalse();
        assertThat(onRegister(k)).isZero();
    }

    @Test
    void onlyTheSencoImports() throws Exception {
        MockHttpSession lead = Web.signIn(mvc, "lead");
        mvc.perform(get("/send/import").session(lead)).andExpect(status().isNotFound());
        MockMultipartFile file = new MockMultipartFile("file", "sen.csv", "text/csv", "UPN,Primary Need\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/send/import").file(file).session(lead).with(csrf())).andExpect(status().isForbidden());
        String page = mvc.perform(multipart("/send/import").file(file).session(Web.signIn(mvc, "senco")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("no pupils with an area of need");
    }
}
