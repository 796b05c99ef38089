package org.pastoralflow.removal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.reporting.Dashboards;
import org.pastoralflow.reporting.EarlyIntervention;
import org.pastoralflow.reporting.Filters;
import org.pastoralflow.reporting.Table;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.JustNow;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Removals from lessons on PostgreSQL: one recorded by a teacher, with its chronology entry; each
 * refusal (no reason, a return before the removal, a time to come, a student outside a PSO's year
 * groups) answered with the field named and nothing written; the reflection room's register; the
 * dashboard's counts by group; and the early-intervention rule (3 in 2 school weeks).
 * Year 11 students, which no other test removes.
 */
@PostgresIntegrationTest
class RemovalIntegrationTest {

    static final Viewer LEAD = new Viewer("lead", "Lee", Set.of("staff", "pastoral-lead"));
    static final Viewer PSO = new Viewer("pso", "Pat", Set.of("staff", "pso"));

    @Autowired MockMvc mvc;
    @Autowired RemovalRepository removals;
    @Autowired StudentRepository students;
    @Autowired CaseStore caseStore;
    @Autowired Dashboards dashboards;
    @Autowired Filters filters;
    @Autowired EarlyIntervention earlyIntervention;
    @Autowired JdbcTemplate jdbc;

    /** A Year 11 student that matches and has no removal yet (from the end of the list by UPN), so counts start from none. */
    Student year11(Predicate<Student> which) {
        Set<Long> removed = Set.copyOf(jdbc.queryForList("select distinct student_id from removal", Long.class));
        return students.findAll().stream().filter(s -> s.getYearGroup() == 11).filter(which).filter(s -> !removed.contains(s.getId()))
                .sorted(Comparator.comparing(Student::getUpn).reversed()).findFirst().orElseThrow();
    }

    /** A removal an hour ago, back half an hour later: valid at any hour of the day the test runs. */
    static Map<String, String> valid(Student s) {
        LocalDateTime at = JustNow.at().minusHours(1);
        LocalTime back = at.toLocalTime().isBefore(LocalTime.of(23, 29)) ? at.toLocalTime().plusMinutes(30) : LocalTime.of(23, 59);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("upn", s.getUpn());
        form.put("day", at.toLocalDate().toString());
        form.put("time", at.toLocalTime().toString());
        form.put("period", "P3");
        form.put("lesson", "Maths, B12");
        form.put("reason", "Persistent disruption after warnings");
        form.put("note", "Shouting across the room after two warnings " + System.nanoTime());
        form.put("destination", "Reflection room");
        form.put("returnTime", back.toString());
        return form;
    }

    String postRemoval(MockHttpSession session, Map<String, String> form, int expected) throws Exception {
        MockHttpServletRequestBuilder request = post("/removals").session(session).with(csrf());
        form.forEach(request::param);
        return mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    @Test
    void aTeacherRecordsARemovalAndItJoinsTheChronology() throws Exception {
        Student s = year11(x -> true);
        Map<String, String> form = valid(s);
        postRemoval(Web.signIn(mvc, "teacher"), form, 302);

        Removal r = removals.findAll().stream().filter(x -> form.get("note").equals(x.getNote())).findFirst().orElseThrow();
        assertThat(r.getStudentId()).isEqualTo(s.getId());
        assertThat(r.getRecordedBy()).isEqualTo("teacher");
        assertThat(r.getReason()).isEqualTo("Persistent disruption after warnings");
        assertThat(r.getExpectedReturn()).isAfter(r.getRemovedAt());
        assertThat(caseStore.chronology(s.getId(), PSO, "test")).anySatisfy(e -> {
            assertThat(e.getKind()).isEqualTo(EntryKind.REMOVAL);
            assertThat(e.getSummary()).contains("Maths, B12", "Reflection room", "Persistent disruption");
            assertThat(e.getDetail()).contains(form.get("note"));
            assertThat(e.getOccurredAt()).isEqualTo(r.getRemovedAt());
        });
        // the student page shows it this term
        assertThat(mvc.perform(get("/students/" + s.getId()).session(Web.signIn(mvc, "pso"))).andReturn().getResponse()
                .getContentAsString()).contains("Removals from lessons this term", "Maths, B12");
    }

    @Test
    void eachRefusalNamesItsFieldAndWritesNothing() throws Exception {
        Student s = year11(x -> true);
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        long removalsBefore = count("removal");
        long entriesBefore = count("chronology_entry");

        Map<String, String> noReason = valid(s);
        noReason.remove("reason");
        assertThat(postRemoval(teacher, noReason, 422)).contains("id=\"reason-error\"", "Reason is required");

        Map<String, String> returnFirst = valid(s);
        returnFirst.put("returnTime", LocalTime.parse(returnFirst.get("time")).minusMinutes(1).toString());
        assertThat(postRemoval(teacher, returnFirst, 422)).contains("id=\"returnTime-error\"", "Expected return must be after");

        Map<String, String> future = valid(s);
        LocalDateTime later = JustNow.at().plusHours(2);
        future.put("day", later.toLocalDate().toString());
        future.put("time", later.toLocalTime().toString());
        future.put("returnTime", "23:59");
        assertThat(postRemoval(teacher, future, 422)).contains("id=\"time-error\"", "cannot be in the future");

        Map<String, String> noNote = valid(s);
        noNote.put("note", " ");
        assertThat(postRemoval(teacher, noNote, 422)).contains("id=\"note-error\"");

        Map<String, String> unknownReason = valid(s);
        unknownReason.put("reason", "Looked at me funny");
        assertThat(postRemoval(teacher, unknownReason, 422)).contains("id=\"reason-error\"");

        // a PSO who works with Year 9 only may not record one for a Year 11 student; a teacher may for anyone
        assertThat(postRemoval(Web.signIn(mvc, "pso9"), valid(s), 422)).contains("id=\"upn-error\"", "You work with Year 9");

        assertThat(count("removal")).isEqualTo(removalsBefore);
        assertThat(count("chronology_entry")).isEqualTo(entriesBefore);
    }

    @Test
    void theRoomRegistersArrivalDepartureAndWorkAndRefusesLeavingBeforeArriving() throws Exception {
        Student s = year11(x -> true);
        Map<String, String> form = valid(s);
        postRemoval(Web.signIn(mvc, "teacher"), form, 302);
        Removal r = removals.findAll().stream().filter(x -> form.get("note").equals(x.getNote())).findFirst().orElseThrow();
        Map<String, String> elsewhere = valid(s);
        elsewhere.put("destination", "Another class");
        postRemoval(Web.signIn(mvc, "teacher"), elsewhere, 302);

        MockHttpSession pso = Web.signIn(mvc, "pso");
        String day = form.get("day");
        String page = mvc.perform(get("/removals/room").param("day", day).session(pso)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(s.displayName(), "/removals/" + r.getId() + "/register");
        Removal other = removals.findAll().stream().filter(x -> elsewhere.get("note").equals(x.getNote())).findFirst().orElseThrow();
        assertThat(page).as("sent to another class: not on the room's register").doesNotContain("/removals/" + other.getId() + "/register");
        // the Year 9 PSO's register leaves out a Year 11 student; a teacher has no register
        assertThat(mvc.perform(get("/removals/room").param("day", day).session(Web.signIn(mvc, "pso9"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain(s.displayName());
        mvc.perform(get("/removals/room").session(Web.signIn(mvc, "teacher"))).andExpect(status().isForbidden());

        String refused = mvc.perform(post("/removals/" + r.getId() + "/register").session(pso).with(csrf())
                        .param("arrived", "10:20").param("left", "10:05").param("workSet", "Algebra worksheet"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"left-error\"", "Left must be at or after Arrived");
        assertThat(removals.findById(r.getId()).orElseThrow().getArrivedAt()).isNull();

        mvc.perform(post("/removals/" + r.getId() + "/register").session(pso).with(csrf())
                        .param("arrived", "10:05").param("left", "10:55").param("workSet", "Algebra worksheet"))
                .andExpect(status().is3xxRedirection());
        Removal saved = removals.findById(r.getId()).orElseThrow();
        assertThat(saved.getArrivedAt()).isEqualTo(LocalTime.of(10, 5));
        assertThat(saved.getLeftAt()).isEqualTo(LocalTime.of(10, 55));
        assertThat(saved.getWorkSet()).isEqualTo("Algebra worksheet");
        assertThat(saved.getRegisterBy()).isEqualTo("pso");
        // not to the room, or not readable: not found
        mvc.perform(post("/removals/" + other.getId() + "/register").session(pso).with(csrf()).param("arrived", "10:05"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/removals/" + r.getId() + "/register").session(Web.signIn(mvc, "pso9")).with(csrf()).param("arrived", "10:05"))
                .andExpect(status().isNotFound());
    }

    @Test
    void theDashboardCountsRemovalsAndStudentsByGroup() throws Exception {
        Student senFsm = year11(x -> !"N".equals(x.getSenStatus()) && x.isFsm() && !x.isInCare());
        Student plain = year11(x -> "N".equals(x.getSenStatus()) && !x.isFsm() && !x.isInCare());
        Map<String, String> year11 = Map.of("year", "11");
        Map<String, List<Object>> before = rows(dashboards.table(RemovalDashboard.NAME, filters.read(year11), LEAD));
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        postRemoval(teacher, valid(senFsm), 302);
        postRemoval(teacher, valid(senFsm), 302);
        postRemoval(teacher, valid(plain), 302);
        Map<String, List<Object>> after = rows(dashboards.table(RemovalDashboard.NAME, filters.read(year11), LEAD));

        assertThat(delta(before, after, "Year 11")).containsExactly(3L, 2L);
        assertThat(delta(before, after, "SEN support or EHCP (K or E)")).containsExactly(2L, 1L);
        assertThat(delta(before, after, "No SEN")).containsExactly(1L, 1L);
        assertThat(delta(before, after, "Free school meals")).containsExactly(2L, 1L);
        assertThat(delta(before, after, "Not FSM")).containsExactly(1L, 1L);
        assertThat(delta(before, after, "Looked after")).containsExactly(0L, 0L);
        assertThat(delta(before, after, "Not looked after")).containsExactly(3L, 2L);
        assertThat(delta(before, after, "All students")).containsExactly(3L, 2L);
        assertThat(after).doesNotContainKey("Year 10");
        // a PSO who works with Year 9 only counts none of them
        Table pso9 = dashboards.table(RemovalDashboard.NAME, filters.read(year11), new Viewer("pso9", "Jordan", Set.of("staff", "pso")));
        assertThat(rows(pso9).get("All students")).containsExactly("All students", 0L, 0L);
        assertThat(pso9.note()).contains("Ethnicity");
    }

    @Test
    void threeRemovalsInTwoSchoolWeeksPutAStudentOnTheEarlyInterventionListTwoDoNot() throws Exception {
        Student s = year11(x -> true);
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        postRemoval(teacher, valid(s), 302);
        postRemoval(teacher, valid(s), 302);
        assertThat(rules(s)).doesNotContain(EarlyIntervention.REMOVALS);
        postRemoval(teacher, valid(s), 302);
        assertThat(rules(s)).contains(EarlyIntervention.REMOVALS);
        EarlyIntervention.Evidence e = earlyIntervention.list(filters.read(Map.of("year", "11")), LEAD).stream()
                .filter(l -> l.student().getId().equals(s.getId())).findFirst().orElseThrow().evidence().stream()
                .filter(x -> x.rule().equals(EarlyIntervention.REMOVALS)).findFirst().orElseThrow();
        assertThat(e.details()).hasSize(3).allSatisfy(d -> assertThat(d).contains("Maths, B12"));
        assertThat(earlyIntervention.list(filters.read(Map.of("year", "11")), new Viewer("pso9", "Jordan", Set.of("staff", "pso"))))
                .as("not the Year 9 PSO's student").noneMatch(l -> l.student().getId().equals(s.getId()));
    }

    List<String> rules(Student s) {
        return earlyIntervention.list(filters.read(Map.of("year", "11")), LEAD).stream().filter(l -> l.student().getId().equals(s.getId()))
                .flatMap(l -> l.evidence().stream()).map(EarlyIntervention.Evidence::rule).toList();
    }

    static Map<String, List<Object>> rows(Table t) {
        Map<String, List<Object>> byGroup = new LinkedHashMap<>();
        t.rows().forEach(r -> byGroup.put((String) r.get(0), r));
        return byGroup;
    }

    static List<Long> delta(Map<String, List<Object>> before, Map<String, List<Object>> after, String group) {
        List<Object> b = before.getOrDefault(group, List.of(group, 0L, 0L));
        List<Object> a = after.getOrDefault(group, List.of(group, 0L, 0L));
        return List.of((Long) a.get(1) - (Long) b.get(1), (Long) a.get(2) - (Long) b.get(2));
    }
}
