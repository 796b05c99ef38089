package org.pastoralflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.casefile.ChronologyRepository;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.oncall.DutyRotaRepository;
import org.pastoralflow.oncall.DutySlot;
import org.pastoralflow.oncall.OncallDuty;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.reporting.DashboardFilter;
import org.pastoralflow.reporting.Filters;
import org.pastoralflow.security.StaffDirectory;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.workflow.TermDates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The application at hours when "today" is easy to get wrong: half past midnight on a Saturday in
 * term (GMT), on a Friday in British Summer Time (when London's date is a day ahead of UTC's), and on
 * a weekday in GMT. The engine's clock, which the whole application reads (workflow.SchoolClock), is
 * set to the moment and ticks on from it; the computer's own zone is set to Pago Pago (UTC-11), where
 * it is still the afternoon before. Anything that takes "now" from the computer's clock or its zone
 * instead of the school's clock gets a different day, and an assertion below says which.
 */
@PostgresIntegrationTest
class AwkwardHoursIntegrationTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** UTC-11 all year: at 00:30 in London it is the previous afternoon there. */
    static final TimeZone FAR_AWAY = TimeZone.getTimeZone("Pacific/Pago_Pago");
    static final Viewer TEACHER = new Viewer("teacher", "Tess Teacher", Set.of("staff"));
    static final String UPN = "H873400125000";

    @Autowired MockMvc mvc;
    @Autowired ReferralService referrals;
    @Autowired ChronologyRepository chronology;
    @Autowired TaskService tasks;
    @Autowired TermDates termDates;
    @Autowired Filters filters;
    @Autowired OncallDuty duty;
    @Autowired DutyRotaRepository rota;
    @Autowired StaffDirectory directory;
    @Autowired JdbcTemplate jdbc;

    TimeZone computersZone;

    @BeforeEach
    void farAway() {
        computersZone = TimeZone.getDefault();
        TimeZone.setDefault(FAR_AWAY);
    }

    @AfterEach
    void backHome() {
        ClockUtil.reset();
        TimeZone.setDefault(computersZone);
    }

    /** Sets the engine's clock (and so the application's) to the moment, ticking on from there. */
    static ZonedDateTime clockAt(String londonTime) {
        ZonedDateTime moment = LocalDateTime.parse(londonTime).atZone(LONDON);
        ClockUtil.offset(moment.toInstant().toEpochMilli() - System.currentTimeMillis());
        return moment;
    }

    static void closeTo(Instant actual, ZonedDateTime moment, String what) {
        assertThat(Duration.between(moment.toInstant(), actual)).as(what + " is stamped by the school's clock")
                .isBetween(Duration.ofMinutes(-6), Duration.ofMinutes(5));
    }

    @ParameterizedTest(name = "{0} in London")
    @ValueSource(strings = {"2026-11-21T00:30", "2026-09-18T00:30", "2026-11-25T00:30"})
    void aConcernTheInboxTheDashboardsAndTheRotaAtHalfPastMidnight(String londonTime) throws Exception {
        ZonedDateTime moment = clockAt(londonTime);
        LocalDate today = moment.toLocalDate();

        // a concern "a few minutes ago" is accepted, stamped by the school's clock
        String marker = "Awkward hours " + UUID.randomUUID();
        Referral r = referrals.raise(new FormData(Map.of("upn", UPN, "category", "safeguarding", "description", marker,
                "occurredAt", moment.minusMinutes(5).toLocalDateTime().toString())), TEACHER);
        closeTo(r.getRaisedAt(), moment, "the referral's raised time");
        assertThat(r.getOccurredAt()).isEqualTo(moment.minusMinutes(5).toInstant());
        Long entryId = jdbc.queryForObject("select id from chronology_entry where detail like ?", Long.class, marker + "%");
        ChronologyEntry entry = chronology.findById(entryId).orElseThrow();
        closeTo(entry.getRecordedAt(), moment, "the chronology entry's recorded time");

        // the DSL's review is due one school day on, at the same time of day in London
        Task review = tasks.createTaskQuery().processInstanceBusinessKey(r.getReference()).taskDefinitionKey("Task_DslReview")
                .singleResult();
        ZonedDateTime due = review.getDueDate().toInstant().atZone(LONDON);
        LocalDate nextSchoolDay = termDates.calendar().addSchoolDays(today, 1);
        assertThat(due.toLocalDate()).isEqualTo(nextSchoolDay).isAfter(today);
        assertThat(due.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(due.toLocalTime()).isEqualTo(moment.toLocalTime());

        // the DSL's inbox opens and the review is not overdue: it is not due until the next school day
        MockHttpSession dsl = Web.signIn(mvc, "dsl");
        String inbox = mvc.perform(get("/inbox").session(dsl)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int at = inbox.indexOf(r.getReference());
        assertThat(at).as("the review in the DSL's inbox").isPositive();
        String row = inbox.substring(inbox.lastIndexOf("<tr", at), inbox.indexOf("</tr>", at));
        assertThat(row).doesNotContain("overdue");

        // the dashboards open, and "this school year so far" ends today, in the term today falls in
        MockHttpSession lead = Web.signIn(mvc, "lead");
        mvc.perform(get("/dashboards").session(lead)).andExpect(status().isOk());
        DashboardFilter soFar = filters.read(Map.of());
        assertThat(soFar.lastDay()).isEqualTo(today);
        assertThat(soFar.firstDay()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(filters.currentTerm().orElseThrow().getName()).isEqualTo("Autumn 2026");

        // the on-call rota: on duty on Friday from midnight to one, and on Friday afternoon (when it
        // is half past midnight on Saturday in London, it is Friday afternoon in Pago Pago)
        List<Long> added = List.of(addToRota(lead, "FRIDAY", "00:00", "01:00"), addToRota(lead, "FRIDAY", "13:00", "14:00"));
        try {
            if (today.getDayOfWeek() == DayOfWeek.FRIDAY) {
                assertThat(duty.onDutyNow()).containsExactly("dsl2");
            } else {
                assertThat(duty.onDutyNow()).as("nobody on the rota at this hour: every PSO")
                        .containsExactlyInAnyOrderElementsOf(directory.membersOf("pso"));
            }
        } finally {
            added.forEach(rota::deleteById);
        }
    }

    /** Adds dsl2 (a PSO) to the rota through the page the pastoral lead uses; returns the new slot. */
    Long addToRota(MockHttpSession lead, String day, String from, String to) throws Exception {
        Set<Long> before = rota.findAll().stream().map(DutySlot::getId).collect(Collectors.toSet());
        MockHttpServletRequestBuilder add = post("/oncall/rota").session(lead).with(csrf())
                .param("userId", "dsl2").param("weekday", day).param("startsAt", from).param("endsAt", to);
        mvc.perform(add).andExpect(status().is3xxRedirection());
        return rota.findAll().stream().map(DutySlot::getId).filter(id -> !before.contains(id)).findFirst().orElseThrow();
    }
}
