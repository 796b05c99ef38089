package org.pastoralflow.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.reporting.DashboardFilter;
import org.pastoralflow.reporting.Table;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.pastoralflow.supportplan.SupportPlan;
import org.pastoralflow.supportplan.SupportPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 17 on PostgreSQL: a group of eight (seven in Year 10, one in Year 9) on an SDQ-scored
 * intervention of the test's own, six sessions with absences and a withdrawal, entry and exit scores;
 * the impact figures, the chronology lines and the provision map per student and per cohort checked
 * against the hand count written beside them; and bad input (a score off the scale, a register for a
 * session that is not scheduled, twice, or on a day to come) refused with the field named and nothing written.
 */
@PostgresIntegrationTest
class InterventionIntegrationTest {

    static final Viewer LEAD = new Viewer("lead", "Lee", Set.of("staff", "pastoral-lead"));
    static final Viewer PSO9 = new Viewer("pso9", "Pat", Set.of("staff", "pso"));

    /** SDQ totals (lower is better). Member 0 is the Year 9 student; member 7 withdraws at session 4, before an exit score. */
    static final int[] ENTRY = {20, 18, 25, 15, 22, 30, 12, 19};
    static final Integer[] EXIT = {15, 18, 27, 10, 20, 24, 12, null};

    @Autowired MockMvc mvc;
    @Autowired StudentRepository students;
    @Autowired GroupReads reads;
    @Autowired GroupMemberRepository members;
    @Autowired ProvisionMap provisionMap;
    @Autowired CohortProvision cohort;
    @Autowired CaseStore caseStore;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    MockHttpSession lead;
    String code;
    String name;
    LocalDate first;
    List<Student> eight;

    @BeforeEach
    void catalogueEntryAndStudents() throws Exception {
        lead = Web.signIn(mvc, "lead");
        code = "test-" + Long.toString(System.nanoTime(), 36);
        name = "Resilience group " + code;
        submit(lead, "/interventions/catalogue", Map.of("code", code, "name", name, "kind", "GROUP", "sessionMinutes", "60",
                "typicalSessions", "6", "staff", "PSO", "cost", "45.00", "costPer", "SESSION", "scale", "sdq-total"), 302);
        first = LocalDate.now(clock).minusWeeks(6);
        Set<Long> inGroups = Set.copyOf(jdbc.queryForList("select student_id from intervention_member", Long.class));
        List<Student> all = students.findAll().stream().filter(s -> !inGroups.contains(s.getId()))
                .sorted(Comparator.comparing(Student::getUpn)).toList();
        eight = new ArrayList<>();
        eight.add(all.stream().filter(s -> s.getYearGroup() == 9).findFirst().orElseThrow());
        all.stream().filter(s -> s.getYearGroup() == 10).limit(7).forEach(eight::add);
    }

    String submit(MockHttpSession session, String url, Map<String, String> form, int expected) throws Exception {
        MockHttpServletRequestBuilder request = post(url).session(session).with(csrf());
        form.forEach(request::param);
        return mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    Long interventionId() {
        return jdbc.queryForObject("select id from intervention where code = ?", Long.class, code);
    }

    /** The group through the forms, its eight members with entry scores, and the six registers. Returns the group id. */
    Long runTheGroup(String notesMarker) throws Exception {
        String location = mvc.perform(post("/interventions/groups").session(lead).with(csrf())
                        .param("intervention", interventionId().toString()).param("name", "Thursday " + code).param("staff", "Ms Khan")
                        .param("firstSession", first.toString()).param("startsAt", "14:00").param("sessionCount", "6")
                        .param("level", "pastoral").param("notes", notesMarker))
                .andExpect(status().is(302)).andReturn().getResponse().getRedirectedUrl();
        Long groupId = Long.valueOf(location.replaceAll(".*/groups/(\\d+).*", "$1"));
        String[] sources = {"early-intervention", "plan", "referral", "hand"};
        for (int i = 0; i < 8; i++) {
            submit(lead, "/interventions/groups/" + groupId + "/members", Map.of("upn", eight.get(i).getUpn(), "source", sources[i % 4],
                    "entryScore", String.valueOf(ENTRY[i])), 302);
        }
        List<GroupMember> m = members.findByGroupIdOrderByIdAsc(groupId);
        for (int n = 1; n <= 6; n++) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("heldOn", first.plusWeeks(n - 1).toString());
            form.put("notes", notesMarker + " session " + n);
            for (int i = 0; i < 8; i++) {
                if (i == 7 && n > 4) {
                    continue; // withdrawn: not on the register any more
                }
                String mark = (i == 1 && (n == 2 || n == 5)) || (i == 3 && n == 3) || (i == 7 && n == 2) ? "ABSENT"
                        : i == 7 && n == 4 ? "WITHDRAWN" : "PRESENT";
                form.put("mark-" + m.get(i).getId(), mark);
                if (!mark.equals("PRESENT")) {
                    form.put("reason-" + m.get(i).getId(), mark.equals("ABSENT") ? "Off sick" : "Family moved; joining a group nearer home");
                }
            }
            submit(lead, "/interventions/groups/" + groupId + "/sessions/" + n, form, 302);
        }
        Map<String, String> scores = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            scores.put("entry-" + m.get(i).getId(), String.valueOf(ENTRY[i]));
            scores.put("exit-" + m.get(i).getId(), EXIT[i] == null ? "" : String.valueOf(EXIT[i]));
        }
        submit(lead, "/interventions/groups/" + groupId + "/scores", scores, 302);
        return groupId;
    }

    @Test
    void aGroupOfEightWithSixSessionsAndAWithdrawalAddsUpByHand() throws Exception {
        String marker = "GROUPNOTE-" + code;
        Long groupId = runTheGroup(marker);

        GroupReads.GroupView view = reads.view(groupId, LEAD);
        assertThat(view.members()).hasSize(8);
        // by hand: changes −5, 0, +2, −5, −2, −6, 0 (member 7 has no exit score); lower is better on SDQ:
        // improved 4 (0, 3, 4, 5), same 2 (1, 6), worse 1 (2); mean change −16 / 7 = −2.29
        ImpactFigures t = view.total();
        assertThat(t.scored()).isEqualTo(7);
        assertThat(t.improved()).isEqualTo(4);
        assertThat(t.same()).isEqualTo(2);
        assertThat(t.worse()).isEqualTo(1);
        assertThat(t.roundedMeanChange()).isEqualTo(-2.3);
        // present: 6 + 4 + 6 + 5 + 6 + 6 + 6 + 2 = 41; absent: 2 (member 1) + 1 (member 3) + 1 (member 7) = 4
        assertThat(t.present()).isEqualTo(41);
        assertThat(t.marked()).isEqualTo(45);
        assertThat(t.attendancePercent()).isEqualTo(91);
        GroupMember withdrawn = view.members().get(7);
        assertThat(withdrawn.getWithdrawnOn()).isEqualTo(first.plusWeeks(3));
        assertThat(withdrawn.getWithdrawnReason()).contains("Family moved");

        // one line per session in each member's chronology, and never the group's notes
        for (int i = 0; i < 8; i++) {
            var lines = caseStore.chronology(eight.get(i).getId(), LEAD, "test").stream()
                    .filter(e -> e.getKind() == EntryKind.SESSION && groupId.equals(e.getSourceId())
                            && InterventionGroup.RECORD_TYPE.equals(e.getSourceType())).toList();
            assertThat(lines).as("member " + i).hasSize(i == 7 ? 4 : 6);
            assertThat(lines).allSatisfy(e -> {
                assertThat(e.getSummary()).contains(name, "session").doesNotContain(marker);
                assertThat(e.getDetail() == null ? "" : e.getDetail()).doesNotContain(marker);
            });
        }
        assertThat(jdbc.queryForObject("select count(*) from chronology_entry where summary like ? or detail like ?", Long.class,
                "%" + marker + "%", "%" + marker + "%")).isZero();

        // the provision map for one student: member 1 attended 4 sessions of 60 minutes at £45 a session
        DashboardFilter period = new DashboardFilter(null, "Test period", first, LocalDate.now(clock), clock.getZone(),
                null, null, false, false, false, false);
        List<ProvisionMap.Provision> one = provisionMap.student(eight.get(1).getId(), period, LEAD).stream()
                .filter(p -> p.intervention().equals(name)).toList();
        assertThat(one).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProvisionMap.GROUP);
            assertThat(p.attended()).isEqualTo(4);
            assertThat(p.missed()).isEqualTo(2);
            assertThat(p.minutes()).isEqualTo(240);
            assertThat(p.costPence()).isEqualTo(18000);
            assertThat(p.direction()).isZero();
            assertThat(p.outcome()).contains("18 → 18", "the same");
        });

        // the cohort: all eight for the Pastoral Lead, 41 sessions, £1,845.00; the leaders' edition shows every count
        CohortProvision.Sheet sheet = cohort.sheet(period, false, false, LEAD);
        assertThat(rowFor(sheet)).containsExactly(ProvisionMap.GROUP, name, 8, 41, "91%", "41.0", "£1,845.00", 7, 4, 2, 1, -2.3);
        // Year 10 only: seven students, member 0 (Year 9, 6 sessions) left out: 35 sessions, £1,575.00
        DashboardFilter year10 = new DashboardFilter(null, "Test period", first, LocalDate.now(clock), clock.getZone(),
                10, null, false, false, false, false);
        assertThat(rowFor(cohort.sheet(year10, false, false, LEAD))).startsWith(ProvisionMap.GROUP, name, 7, 35);
        // the governors' edition: 8 students shown; a PSO for Year 9 sees only the Year 9 member, as "fewer than 5", no outcome
        assertThat(rowFor(cohort.sheet(period, false, true, LEAD)).get(2)).isEqualTo(8);
        List<Object> pso9 = rowFor(cohort.sheet(period, false, true, PSO9));
        assertThat(pso9).containsExactly(ProvisionMap.GROUP, name, "fewer than 5", 6, "100%", "6.0", "£270.00", "fewer than 5",
                "not shown", "not shown", "not shown", "not shown");
        // and on the group page the Year 9 PSO sees one member of the eight
        assertThat(reads.view(groupId, PSO9).members()).extracting(GroupMember::getStudentId).containsExactly(eight.get(0).getId());

        // the CSV and the page carry the same row
        MockHttpSession leadHttp = Web.signIn(mvc, "lead");
        String csv = new String(mvc.perform(get("/provision-map.csv").session(leadHttp).param("edition", "leaders"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains(name);
        assertThat(mvc.perform(get("/provision-map.pdf").session(leadHttp)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentType()).isEqualTo("application/pdf");
        assertThat(mvc.perform(get("/provision-map/students/" + eight.get(1).getId()).session(leadHttp)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains(name, "£180.00");
    }

    @Autowired InterventionSubjectAccess subjectAccess;

    @Test
    void aPupilsSubjectAccessHoldsTheirMembershipsMarksAndScoresButNoOtherMemberAndNoGroupNotes() throws Exception {
        String marker = "GROUPNOTE-" + code;
        Long groupId = runTheGroup(marker);
        List<GroupMember> m = members.findByGroupIdOrderByIdAsc(groupId);

        // member 1: absent at sessions 2 and 5, entry 18 and exit 18 on the SDQ
        List<SubjectAccessPart.Table> held = subjectAccess.heldAbout(eight.get(1).getId());
        SubjectAccessPart.Table groups = held.get(0);
        List<SubjectAccessPart.Item> mine = groups.items().stream().filter(i -> name.equals(i.fields().get("intervention"))).toList();
        assertThat(mine).singleElement().satisfies(i -> {
            assertThat(i.recordType()).isEqualTo(GroupMember.RECORD_TYPE);
            assertThat(i.recordId()).isEqualTo(m.get(1).getId());
            assertThat(i.confidentiality()).isEqualTo(Confidentiality.PASTORAL);
            assertThat(i.fields()).containsEntry("group_name", "Thursday " + code).containsEntry("scale", "sdq-total")
                    .containsEntry("entry_score", "18").containsEntry("exit_score", "18").containsEntry("source", "plan");
        });
        List<SubjectAccessPart.Item> marks = held.get(1).items().stream()
                .filter(i -> ("Thursday " + code).equals(i.fields().get("group_name"))).toList();
        assertThat(marks).extracting(i -> i.fields().get("session_number")).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(marks).extracting(i -> i.fields().get("mark"))
                .containsExactly("PRESENT", "ABSENT", "PRESENT", "PRESENT", "ABSENT", "PRESENT");
        assertThat(marks).filteredOn(i -> "ABSENT".equals(i.fields().get("mark"))).allSatisfy(i ->
                assertThat(i.fields()).containsEntry("reason", "Off sick"));
        assertThat(marks).allSatisfy(i -> assertThat(i.fields()).containsEntry("member_id", m.get(1).getId().toString()));

        // nothing of the other seven, and neither the group's notes nor its session notes
        List<String> values = held.stream().flatMap(t -> t.items().stream()).flatMap(i -> i.fields().values().stream())
                .filter(v -> v != null).toList();
        assertThat(values).noneMatch(v -> v.contains(marker));
        for (int i = 0; i < 8; i++) {
            if (i == 1) {
                continue;
            }
            Student other = eight.get(i);
            Long otherId = m.get(i).getId();
            String otherMember = otherId.toString();
            assertThat(values).as("member " + i).noneMatch(v -> v.contains(other.getUpn())
                    || v.contains(other.getLegalForename() + " " + other.getLegalSurname()));
            assertThat(held.stream().flatMap(t -> t.items().stream())).noneMatch(item -> otherMember.equals(item.fields().get("member_id"))
                    || (GroupMember.RECORD_TYPE.equals(item.recordType()) && item.recordId().equals(otherId)));
        }

        // the withdrawn member's rows say when and why
        SubjectAccessPart.Table withdrawn = subjectAccess.heldAbout(eight.get(7).getId()).get(0);
        assertThat(withdrawn.items()).filteredOn(i -> name.equals(i.fields().get("intervention"))).singleElement()
                .satisfies(i -> assertThat(i.fields().get("withdrawn_reason")).contains("Family moved"));
    }

    List<Object> rowFor(CohortProvision.Sheet sheet) {
        return sheet.rows().stream().filter(r -> r.get(1).equals(name)).findFirst().orElseThrow();
    }

    @Test
    void badInputIsRefusedOnItsFieldAndWritesNothing() throws Exception {
        Long groupId = runTheGroup("notes");
        List<GroupMember> m = members.findByGroupIdOrderByIdAsc(groupId);
        long sessionsBefore = count("intervention_session");
        long marksBefore = count("intervention_mark");
        long entriesBefore = count("chronology_entry");

        // an exit score off the SDQ scale (0–40): refused, and the other member's good score not written either
        String page = submit(lead, "/interventions/groups/" + groupId + "/scores", Map.of("entry-" + m.get(1).getId(), "18",
                "exit-" + m.get(1).getId(), "41", "entry-" + m.get(2).getId(), "25", "exit-" + m.get(2).getId(), "3"), 422);
        assertThat(page).contains("id=\"exit-" + m.get(1).getId() + "-error\"", "must be between 0 and 40");
        assertThat(members.findById(m.get(2).getId()).orElseThrow().getExitScore()).isEqualTo(27);
        assertThat(members.findById(m.get(1).getId()).orElseThrow().getExitScore()).isEqualTo(18);

        // a register for a session that is not scheduled (the group has six), for one already taken, and on a day to come
        Map<String, String> marks = new LinkedHashMap<>();
        marks.put("heldOn", LocalDate.now(clock).toString());
        m.stream().filter(x -> !x.isWithdrawn()).forEach(x -> marks.put("mark-" + x.getId(), "PRESENT"));
        assertThat(submit(lead, "/interventions/groups/" + groupId + "/sessions/7", marks, 422)).contains("Session 7 is not scheduled");
        assertThat(submit(lead, "/interventions/groups/" + groupId + "/sessions/0", marks, 422)).contains("Session 0 is not scheduled");
        assertThat(submit(lead, "/interventions/groups/" + groupId + "/sessions/2", marks, 422)).contains("has been taken already");
        mvc.perform(get("/interventions/groups/" + groupId + "/sessions/7").session(lead)).andExpect(status().isNotFound());

        // an entry score off a self-rating scale and a student already in the group, when adding a member
        assertThat(submit(lead, "/interventions/groups/" + groupId + "/members", Map.of("upn", eight.get(0).getUpn(), "source", "hand"), 422))
                .contains("is already in this group");
        assertThat(submit(lead, "/interventions/groups/" + groupId + "/members", Map.of("upn", eight.get(0).getUpn(), "source", "nowhere"), 422))
                .contains("id=\"source-error\"");
        // a catalogue entry with a cost that is not money
        assertThat(submit(lead, "/interventions/catalogue", Map.of("code", code, "name", name, "kind", "GROUP", "sessionMinutes", "60",
                "typicalSessions", "6", "cost", "=1+1", "costPer", "SESSION", "scale", "sdq-total"), 422)).contains("id=\"cost-error\"");
        // a teacher (no caseworker group) cannot reach any of it
        mvc.perform(get("/interventions/groups/" + groupId).session(Web.signIn(mvc, "teacher"))).andExpect(status().isForbidden());

        assertThat(count("intervention_session")).isEqualTo(sessionsBefore);
        assertThat(count("intervention_mark")).isEqualTo(marksBefore);
        assertThat(count("chronology_entry")).isEqualTo(entriesBefore);
        assertThat(jdbc.queryForObject("select cost_pence from intervention where code = ?", Integer.class, code)).isEqualTo(4500);
    }

    @Test
    void aRegisterOnADayToComeOrWithoutAReasonIsRefused() throws Exception {
        Long g = Long.valueOf(mvc.perform(post("/interventions/groups").session(lead).with(csrf())
                        .param("intervention", interventionId().toString()).param("name", "Future " + code).param("staff", "Ms Khan")
                        .param("firstSession", LocalDate.now(clock).plusDays(1).toString()).param("startsAt", "14:00")
                        .param("sessionCount", "3").param("level", "pastoral"))
                .andExpect(status().is(302)).andReturn().getResponse().getRedirectedUrl().replaceAll(".*/groups/(\\d+).*", "$1"));
        submit(lead, "/interventions/groups/" + g + "/members", Map.of("upn", eight.get(3).getUpn(), "source", "hand"), 302);
        Long member = members.findByGroupIdOrderByIdAsc(g).get(0).getId();
        long before = count("intervention_mark");
        assertThat(submit(lead, "/interventions/groups/" + g + "/sessions/1", Map.of("heldOn", LocalDate.now(clock).plusDays(1).toString(),
                "mark-" + member, "PRESENT"), 422)).contains("id=\"heldOn-error\"", "cannot be a day to come");
        assertThat(submit(lead, "/interventions/groups/" + g + "/sessions/1", Map.of("heldOn", LocalDate.now(clock).toString(),
                "mark-" + member, "ABSENT"), 422)).contains("id=\"reason-" + member + "-error\"");
        assertThat(count("intervention_mark")).isEqualTo(before);
    }

    @Test
    void theDashboardShowsTheCataloguesViewAndPlansByScaleAsCountedByHand() throws Exception {
        runTheGroup("DASHBOARD-" + code);
        DashboardFilter period = new DashboardFilter(null, "Test period", first, LocalDate.now(clock), clock.getZone(),
                null, null, false, false, false, false);
        Map<String, List<Object>> before = byFirstColumn(planMeasures.table(period, LEAD));
        // two plans naming the test's entry: member 1 on SDQ 24 → 17 (improved, −7), member 2 on self-rating 5 → 4 (worse, −1)
        SupportPlan sdq = supportPlans.start(eight.get(1).getId(), null, "pso", new SupportPlans.SupportPlanInput("Goals", List.of(code),
                "sdq-total", null, 24, true, "Phone"), LEAD);
        supportPlans.close(sdq, 17, LEAD);
        SupportPlan rating = supportPlans.start(eight.get(2).getId(), null, "pso", new SupportPlans.SupportPlanInput("Goals", List.of(code),
                "self-rating", null, 5, true, "Phone"), LEAD);
        supportPlans.close(rating, 4, LEAD);

        // the group as counted by hand in the test above: 1 run, 8 members, 7 scored, 4 improved, 2 the same, 1 worse, −2.3
        assertThat(byFirstColumn(dashboard.table(period, LEAD)).get(name))
                .containsExactly(name, ProvisionMap.GROUP, 1L, 8L, 7L, 4L, 2L, 1L, -2.3, 2L);
        // a PSO for Year 9 counts only the Year 9 member (SDQ 20 → 15: improved, −5) and no Year 10 plan
        assertThat(byFirstColumn(dashboard.table(period, PSO9)).get(name))
                .containsExactly(name, ProvisionMap.GROUP, 1L, 1L, 1L, 1L, 0L, 0L, -5.0, 0L);

        Map<String, List<Object>> after = byFirstColumn(planMeasures.table(period, LEAD));
        assertThat(difference(before.get("SDQ total difficulties"), after.get("SDQ total difficulties")))
                .as("running, closed, improved, same, worse").containsExactly(1L, 1L, 1L, 0L, 0L);
        assertThat(difference(before.get("Self-rating"), after.get("Self-rating"))).containsExactly(1L, 1L, 0L, 0L, 1L);
    }

    @Autowired InterventionDashboard dashboard;
    @Autowired PlanMeasureDashboard planMeasures;
    @Autowired SupportPlans supportPlans;

    static Map<String, List<Object>> byFirstColumn(Table t) {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        t.rows().forEach(r -> out.put((String) r.get(0), r));
        return out;
    }

    /** The five counts of a plan-measures row (running, closed, improved, same, worse) after minus before. */
    static List<Long> difference(List<Object> before, List<Object> after) {
        List<Long> out = new ArrayList<>();
        for (int c = 1; c <= 5; c++) {
            out.add(((Number) after.get(c)).longValue() - ((Number) before.get(c)).longValue());
        }
        return out;
    }
}
