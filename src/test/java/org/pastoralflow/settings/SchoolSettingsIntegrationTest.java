package org.pastoralflow.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pastoralflow.audit.AuditRepository;
import org.pastoralflow.behaviour.BehaviourSettings;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralRepository;
import org.pastoralflow.reporting.Filters;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.pastoralflow.workflow.Deadlines;
import org.pastoralflow.workflow.TermDates;
import org.pastoralflow.workflow.WorkflowConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The settings page on PostgreSQL: a changed deadline reaches the next task and not the one already
 * waiting; ranges, guards, lists and hostile values are refused by field with nothing saved; a
 * changed category label, removal reason and smallest count reach their pages; versions, putting one
 * back, the audit, and a second node picking a save up. The defaults are put back after each test
 * (one application context for every integration test).
 */
@PostgresIntegrationTest
class SchoolSettingsIntegrationTest {

    static final Viewer DSL = new Viewer("dsl", "Dee", Set.of("staff", "dsl"));
    static final Viewer LEAD = new Viewer("lead", "Lee", Set.of("staff", "pastoral-lead"));
    static final Viewer BOTH = new Viewer("dsl", "Dee", Set.of("staff", "dsl", "pastoral-lead"));
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired MockMvc mvc;
    @Autowired SchoolSettings settings;
    @Autowired LiveSettings live;
    @Autowired ConfigurableEnvironment environment;
    @Autowired Deadlines deadlines;
    @Autowired TermDates termDates;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired ReferralRepository referrals;
    @Autowired StudentRepository students;
    @Autowired BehaviourSettings behaviour;
    @Autowired AuditRepository audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired Filters filters;
    @Autowired org.pastoralflow.behaviour.QuickLog quickLog;

    @AfterEach
    void putBackTheDefaults() {
        settings.putBack(0, new FormData(Map.of("reason", "SchoolSettingsIntegrationTest puts the defaults back")), BOTH);
        assertThat(live.values(Map.of())).isEqualTo(settings.page(BOTH).values());
    }

    /** The page's own fields as they are now, with these changed: what a browser sends. */
    Map<String, String> form(Map<String, String> changes) {
        SchoolSettings.Page page = settings.page(BOTH);
        Map<String, String> form = new HashMap<>(SettingsController.fields(page.values()));
        form.put("version", String.valueOf(page.version()));
        form.put("reason", "Test " + System.nanoTime());
        form.putAll(changes);
        return form;
    }

    MockHttpServletRequestBuilder postSettings(MockHttpSession session, Map<String, String> values) {
        MockHttpServletRequestBuilder request = post("/settings").session(session).with(csrf());
        values.forEach(request::param);
        return request;
    }

    Referral raise(MockHttpSession teacher, String category, String description) throws Exception {
        Student student = students.findByUpn("U873400126000").orElseThrow();
        mvc.perform(post("/referrals").session(teacher).with(csrf()).param("studentId", student.getId().toString())
                .param("category", category).param("description", description).param("childWords", "It happened at break")
                .param("occurredAt", "2026-11-20T09:15").param("location", "Playground")).andExpect(status().is3xxRedirection());
        return referrals.findByRaisedByOrderByRaisedAtDesc("teacher").stream().filter(r -> r.getDescription().equals(description))
                .findFirst().orElseThrow();
    }

    Task task(Referral r, String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(r.getReference()).taskDefinitionKey(key).singleResult();
    }

    LocalDate schoolDaysAfter(java.util.Date created, int days) {
        return termDates.calendar().addSchoolDays(created.toInstant().atZone(LONDON).toLocalDate(), days);
    }

    static LocalDate day(java.util.Date d) {
        return d.toInstant().atZone(LONDON).toLocalDate();
    }

    @Test
    void aChangedDeadlineReachesNewTasksAndTheTaskAlreadyWaitingKeepsItsDueDate() throws Exception {
        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        Referral waiting = raise(teacher, "safeguarding", "Waiting before the change " + System.nanoTime());
        Task before = task(waiting, "Task_DslReview");
        assertThat(day(before.getDueDate())).isEqualTo(schoolDaysAfter(before.getCreateTime(), 1));

        // the DSL changes the DSL review deadline: 1 -> 3 school days
        mvc.perform(postSettings(Web.signIn(mvc, "dsl"), form(Map.of("deadlines.referral.dsl-review", "3"))))
                .andExpect(status().is3xxRedirection());
        // the Pastoral Lead changes PSO triage: 2 -> 4 school days
        mvc.perform(postSettings(Web.signIn(mvc, "lead"), form(Map.of("deadlines.referral.pso-triage", "4"))))
                .andExpect(status().is3xxRedirection());
        assertThat(deadlines.schoolDaysFor("referral.dsl-review")).isEqualTo(3);
        assertThat(deadlines.schoolDaysFor("referral.pso-triage")).isEqualTo(4);

        Referral fresh = raise(teacher, "safeguarding", "Raised after the change " + System.nanoTime());
        Task review = task(fresh, "Task_DslReview");
        assertThat(day(review.getDueDate())).isEqualTo(schoolDaysAfter(review.getCreateTime(), 3));
        assertThat(management.createJobQuery().processInstanceId(review.getProcessInstanceId()).activityId("Timer_DslReviewUntouched")
                .singleResult().getDuedate()).isEqualTo(review.getDueDate());
        // the one already waiting keeps the due date (and the timer) it was given
        assertThat(task(waiting, "Task_DslReview").getDueDate()).isEqualTo(before.getDueDate());
        assertThat(management.createJobQuery().processInstanceId(before.getProcessInstanceId()).activityId("Timer_DslReviewUntouched")
                .singleResult().getDuedate()).isEqualTo(before.getDueDate());

        Referral welfare = raise(teacher, "welfare", "Low mood after the change " + System.nanoTime());
        Task triage = task(welfare, "Task_PsoTriage");
        assertThat(day(triage.getDueDate())).isEqualTo(schoolDaysAfter(triage.getCreateTime(), 4));
    }

    @Test
    void outOfRangeNonNumbersAndSomeoneElsesSettingAreRefusedByFieldWithNothingSaved() throws Exception {
        int version = settings.version();
        String page = mvc.perform(postSettings(Web.signIn(mvc, "dsl"), form(Map.of("deadlines.referral.dsl-review", "61"))))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"deadlines.referral.dsl-review-error\"").contains("DSL review of a concern must be between 0 and 60");

        mvc.perform(postSettings(Web.signIn(mvc, "lead"), form(Map.of("attendance.persistent-absence-percent", "ten"))))
                .andExpect(status().is(422));
        mvc.perform(postSettings(Web.signIn(mvc, "lead"), form(Map.of("attendance.persistent-absence-percent", "101"))))
                .andExpect(status().is(422));

        // the Pastoral Lead may not change a deadline of safeguarding work, even with another change beside it
        String refused = mvc.perform(postSettings(Web.signIn(mvc, "lead"), form(Map.of("deadlines.referral.dsl-review", "2",
                        "deadlines.referral.pso-triage", "3"))))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"deadlines.referral.dsl-review-error\"").contains("Only the DSL changes this");
        // nor the DSL a setting that is not safeguarding
        mvc.perform(postSettings(Web.signIn(mvc, "dsl"), form(Map.of("dashboards.governors-smallest-count", "2"))))
                .andExpect(status().isForbidden());
        // a reason is required
        Map<String, String> noReason = form(Map.of("deadlines.referral.pso-triage", "3"));
        noReason.put("reason", "");
        mvc.perform(postSettings(Web.signIn(mvc, "lead"), noReason)).andExpect(status().is(422));

        assertThat(settings.version()).isEqualTo(version);
        assertThat(deadlines.schoolDaysFor("referral.dsl-review")).isEqualTo(1);
        assertThat(deadlines.schoolDaysFor("referral.pso-triage")).isEqualTo(2);
    }

    @Test
    void listsRefuseDuplicateCodesACodeInUseAndHostileTextNamingTheField() {
        int version = settings.version();
        // find a category row by its code
        Map<String, String> now = form(Map.of());
        String fighting = now.entrySet().stream().filter(e -> e.getKey().endsWith(".code") && e.getValue().equals("fighting"))
                .map(e -> e.getKey().substring(0, e.getKey().length() - ".code".length())).findFirst().orElseThrow();
        // one log of homework (an achievement: no behaviour threshold moves), so that category is in use
        Student s = students.findAll().stream().filter(x -> x.getYearGroup() == 11).max(java.util.Comparator.comparing(Student::getUpn))
                .orElseThrow();
        quickLog.record(List.of(s), behaviour.category("homework").orElseThrow(), "Library", "Settings test", java.time.Instant.now(),
                "teacher");
        String homework = now.entrySet().stream().filter(e -> e.getKey().endsWith(".code") && e.getValue().equals("homework"))
                .map(e -> e.getKey().substring(0, e.getKey().length() - ".code".length())).findFirst().orElseThrow();

        assertThat(refusal(LEAD, Map.of(fighting + ".code", "disruption"))).containsKey(fighting + ".code");
        assertThat(refusal(LEAD, Map.of(homework + ".code", "", homework + ".label", "", homework + ".points", "")))
                .hasEntrySatisfying("behaviour.categories", m -> assertThat(m).contains("homework is used by"));
        // renamed is taken out too
        assertThat(refusal(LEAD, Map.of(homework + ".code", "homework-done"))).containsKey("behaviour.categories");
        assertThat(refusal(LEAD, Map.of(fighting + ".label", "Fight\u0000ing"))).containsKey(fighting + ".label");
        assertThat(refusal(LEAD, Map.of(fighting + ".label", "x".repeat(200_000)))).containsKey(fighting + ".label");
        assertThat(refusal(LEAD, Map.of(fighting + ".points", "0"))).containsKey(fighting + ".points");
        assertThat(refusal(LEAD, Map.of(fighting + ".points", "lots"))).containsKey(fighting + ".points");
        assertThat(refusal(LEAD, Map.of(fighting + ".incident-type", "riot"))).containsKey(fighting + ".incident-type");
        String spare = "behaviour.categories." + behaviour.categories().size();
        assertThat(refusal(LEAD, Map.of(spare + ".code", "Bad Code", spare + ".label", "New", spare + ".points", "-1")))
                .containsKey(spare + ".code");
        assertThat(refusal(LEAD, Map.of(spare + ".label", "A label without a code"))).containsKey(spare + ".code");
        assertThat(refusal(LEAD, Map.of("removals.reasons.0", "Unsafe behaviour"))).containsKey("removals.reasons.3");
        assertThat(refusal(LEAD, Map.of("removals.reasons.0", "Line\u202Eone"))).containsKey("removals.reasons.0");
        assertThat(refusal(LEAD, Map.of("deadlines.referral.pso-triage", "9".repeat(30)))).containsKey("deadlines.referral.pso-triage");
        assertThat(settings.version()).isEqualTo(version);
    }

    Map<String, String> refusal(Viewer viewer, Map<String, String> changes) {
        try {
            settings.save(new FormData(form(changes)), viewer);
        } catch (InvalidFormException e) {
            return e.errors();
        }
        throw new AssertionError("not refused: " + changes);
    }

    @Test
    void aChangedLabelAndReasonReachTheFormsAndTheSmallestCountTheGovernorsPack() throws Exception {
        Map<String, String> now = form(Map.of());
        String fighting = now.entrySet().stream().filter(e -> e.getKey().endsWith(".code") && e.getValue().equals("fighting"))
                .map(e -> e.getKey().substring(0, e.getKey().length() - ".code".length())).findFirst().orElseThrow();
        String label = "Physical fight " + System.nanoTime();
        String spare = "behaviour.categories." + behaviour.categories().size(); // the first empty row, to add one
        settings.save(new FormData(form(Map.of(fighting + ".label", label, "removals.reasons.5", "Something else (say in the note)",
                spare + ".code", "kindness", spare + ".label", "Kindness to others", spare + ".points", "2"))), LEAD);
        assertThat(behaviour.category("kindness")).isPresent();
        assertThat(behaviour.category("fighting").orElseThrow().label()).isEqualTo(label);
        assertThat(behaviour.category("fighting").orElseThrow().incidentType()).isEqualTo("fight");

        MockHttpSession teacher = Web.signIn(mvc, "teacher");
        assertThat(mvc.perform(get("/behaviour/new").session(teacher)).andReturn().getResponse().getContentAsString())
                .contains(label + " (\u22125)").contains("Kindness to others (+2)");
        assertThat(mvc.perform(get("/removals/new").session(teacher)).andReturn().getResponse().getContentAsString())
                .contains("Something else (say in the note)").doesNotContain("Other (say in the note)");

        // a count of 1 to 4 this term, so the pack has a small number to hide
        raise(teacher, "bereavement", "Grandparent died at the weekend " + System.nanoTime());
        long term = filters.currentTerm().orElseThrow().getId();
        MockHttpSession lead = Web.signIn(mvc, "lead");
        String before = mvc.perform(get("/reports/data-pack.csv?edition=governors&term=" + term).session(lead))
                .andReturn().getResponse().getContentAsString();
        assertThat(before).doesNotContain("fewer than 50");
        settings.save(new FormData(form(Map.of("dashboards.governors-smallest-count", "50"))), LEAD);
        String after = mvc.perform(get("/reports/data-pack.csv?edition=governors&term=" + term).session(lead))
                .andReturn().getResponse().getContentAsString();
        assertThat(after).contains("fewer than 50").doesNotContain("fewer than 5,");
    }

    @Test
    void everySaveIsAVersionWithWhoWhyAndWhatChangedAuditedAndAnyCanBePutBack() {
        SettingsVersion first = settings.save(new FormData(form(Map.of("deadlines.mediation.follow-up", "12",
                "attendance.persistent-absence-percent", "12.5"))), LEAD);
        assertThat(first.savedBy()).isEqualTo("lead");
        assertThat(first.changes()).extracting(SettingsVersion.Change::key, SettingsVersion.Change::before, SettingsVersion.Change::after)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("deadlines.mediation.follow-up", "10", "12"),
                        org.assertj.core.groups.Tuple.tuple("attendance.persistent-absence-percent", "10", "12.5"));
        assertThat(first.overrides()).containsEntry("pastoral.deadlines.mediation.follow-up", "12")
                .containsEntry("pastoral.attendance.persistent-absence-percent", "12.5").hasSize(2);
        SettingsVersion second = settings.save(new FormData(form(Map.of("deadlines.mediation.follow-up", "15"))), LEAD);
        assertThat(second.number()).isEqualTo(first.number() + 1);
        assertThat(deadlines.schoolDaysFor("mediation.follow-up")).isEqualTo(15);
        // nothing changed: no version
        assertThat(settings.save(new FormData(form(Map.of())), LEAD)).isNull();

        // a version saved from an older page is refused
        Map<String, String> stale = form(Map.of("deadlines.mediation.consent", "4"));
        stale.put("version", String.valueOf(first.number()));
        assertThatThrownBy(() -> settings.save(new FormData(stale), LEAD)).isInstanceOf(InvalidFormException.class)
                .satisfies(e -> assertThat(((InvalidFormException) e).errors()).containsKey("version"));

        SettingsVersion putBack = settings.putBack(first.number(), new FormData(Map.of("reason", "Fifteen was too long")), LEAD);
        assertThat(putBack.putBackFrom()).isEqualTo(first.number());
        assertThat(putBack.number()).isEqualTo(second.number() + 1);
        assertThat(putBack.overrides()).isEqualTo(first.overrides());
        assertThat(deadlines.schoolDaysFor("mediation.follow-up")).isEqualTo(12);
        assertThat(putBack.changes()).singleElement().satisfies(c -> assertThat(c.before() + " -> " + c.after()).isEqualTo("15 -> 12"));

        assertThat(audit.findAll().stream().filter(e -> "SETTINGS".equals(e.getAction()) && Long.valueOf(putBack.number()).equals(e.getRecordId())))
                .singleElement().satisfies(e -> {
                    assertThat(e.getActor()).isEqualTo("lead");
                    assertThat(e.getRecordType()).isEqualTo("settings");
                    assertThat(e.getStudentId()).isNull();
                    assertThat(e.getDetail()).contains("version " + first.number() + " put back").contains("mediation.follow-up 15 -> 12");
                });
        // the page lists them, newest first, with who, why and what changed
        assertThat(settings.page(LEAD).history()).extracting(SettingsVersion::number).startsWith(putBack.number(), second.number(),
                first.number());

        // the Pastoral Lead may not put back a version that changes a safeguarding setting
        SettingsVersion dsl = settings.save(new FormData(form(Map.of("deadlines.leaver.receipt", "3"))), DSL);
        settings.save(new FormData(form(Map.of("deadlines.leaver.receipt", "4"))), DSL);
        assertThatThrownBy(() -> settings.putBack(dsl.number(), new FormData(Map.of("reason", "Back")), LEAD))
                .isInstanceOf(NotYoursToChange.class);
        assertThat(deadlines.schoolDaysFor("leaver.receipt")).isEqualTo(4);
    }

    @Test
    void anotherNodePicksUpASaveWhenItChecks() {
        // a second node: its own settings bean, bound from the same configuration, reading the same database
        WorkflowConfig.DeadlineProperties otherNodes = new WorkflowConfig.DeadlineProperties();
        LiveSettings other = new LiveSettings(environment, List.of(new LiveSettings.Target("pastoral", otherNodes)));
        settings.refresh(other);
        assertThat(otherNodes.getDeadlines()).containsEntry("referral.senco-review", 5);
        int seen = other.version();

        SettingsVersion saved = settings.save(new FormData(form(Map.of("deadlines.referral.senco-review", "7"))), LEAD);
        assertThat(otherNodes.getDeadlines()).as("not until it checks").containsEntry("referral.senco-review", 5);
        assertThat(other.version()).isEqualTo(seen);

        settings.refresh(other);
        assertThat(other.version()).isEqualTo(saved.number());
        assertThat(otherNodes.getDeadlines()).containsEntry("referral.senco-review", 7).containsEntry("referral.dsl-review", 1);
        // and a put-back too
        settings.putBack(0, new FormData(Map.of("reason", "Back to the defaults")), LEAD);
        settings.refresh(other);
        assertThat(otherNodes.getDeadlines()).containsEntry("referral.senco-review", 5);
    }
}
