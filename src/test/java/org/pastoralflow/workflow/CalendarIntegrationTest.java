package org.pastoralflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Term dates are configuration an administrator edits; deadlines follow at once. */
@PostgresIntegrationTest
class CalendarIntegrationTest {

    static final LocalDate EXTRA_INSET = LocalDate.of(2027, 6, 14);

    @Autowired MockMvc mvc;
    @Autowired TermDates termDates;
    @Autowired SchoolClosureRepository closures;

    @Test
    void anAdministratorAddsAnInsetDayAndItStopsBeingASchoolDay() throws Exception {
        assertThat(termDates.calendar().isSchoolDay(EXTRA_INSET)).isTrue();
        MockHttpSession admin = Web.signIn(mvc, "admin");

        mvc.perform(post("/admin/calendar/closures").session(admin).with(csrf()).param("description", "Extra INSET")
                .param("kind", "INSET").param("startsOn", "2027-06-14").param("endsOn", "2027-06-14"))
                .andExpect(status().is3xxRedirection());
        assertThat(termDates.calendar().isSchoolDay(EXTRA_INSET)).isFalse();

        SchoolClosure added = closures.findAll().stream().filter(c -> c.getStartsOn().equals(EXTRA_INSET)).findFirst().orElseThrow();
        mvc.perform(post("/admin/calendar/closures/" + added.getId() + "/delete").session(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(termDates.calendar().isSchoolDay(EXTRA_INSET)).isTrue();
    }

    @Test
    void aWrongRangeIsRefusedWithTheFieldNamedAndTheTypedValuesKept() throws Exception {
        MockHttpSession admin = Web.signIn(mvc, "admin");
        long before = closures.count();
        String page = mvc.perform(post("/admin/calendar/closures").session(admin).with(csrf()).param("description", "Backwards")
                        .param("kind", "INSET").param("startsOn", "2027-06-18").param("endsOn", "2027-06-14"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Last day must not be before the first day.").contains("value=\"Backwards\"");
        assertThat(closures.count()).isEqualTo(before);
    }

    @Test
    void onlyAnAdministratorEditsTermDates() throws Exception {
        MockHttpSession dsl = Web.signIn(mvc, "dsl");
        mvc.perform(get("/admin/calendar").session(dsl)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/calendar/closures").session(dsl).with(csrf()).param("description", "x")
                .param("kind", "INSET").param("startsOn", "2027-06-14").param("endsOn", "2027-06-14")).andExpect(status().isForbidden());
        assertThat(termDates.calendar().isSchoolDay(EXTRA_INSET)).isTrue();
    }
}
