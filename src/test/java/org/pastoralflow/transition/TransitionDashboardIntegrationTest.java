package org.pastoralflow.transition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.pastoralflow.support.HttpUser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Transition progress on the dashboards, for the demo's incoming cohort, checked against counts
 * made here from the milestone records one by one; the CSV is the table; the child protection
 * file row is the DSL group's alone; filters that cannot apply to children not yet on roll leave
 * the table empty and say why.
 */
@PostgresIntegrationTest
class TransitionDashboardIntegrationTest {

    @LocalServerPort int port;
    @Autowired Transitions service;
    @Autowired TransitionRepository transitions;
    @Autowired TransitionMilestoneRepository milestones;

    List<List<String>> csv(String user, String query) throws Exception {
        var response = HttpUser.signedIn(port, user).get("/dashboards/transition.csv" + query);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).as("UTF-8 with a byte-order mark, for Excel").startsWith("\uFEFF");
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord r : CSVFormat.DEFAULT.parse(new StringReader(response.body().substring(1)))) {
            rows.add(r.toList());
        }
        return rows;
    }

    /** The expected rows, counted from each student's milestone record. */
    List<List<String>> expected(int year, boolean dsl, String tutorGroup) {
        LocalDate today = service.today();
        LocalDate amberUntil = service.calendar().amberUntil(today);
        Set<Long> cohort = transitions.findByEntryYear(year).stream()
                .filter(t -> !Transition.WITHDRAWN.equals(t.getStatus()))
                .filter(t -> tutorGroup == null || tutorGroup.equals(t.getTutorGroup()))
                .map(Transition::getId).collect(Collectors.toSet());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Milestone", "Done", "Overdue", "Due soon", "To do", "Not needed"));
        for (Milestone m : Milestone.values()) {
            if (m == Milestone.CP_FILE && !dsl) {
                continue;
            }
            int done = 0, overdue = 0, soon = 0, todo = 0, notNeeded = 0;
            for (TransitionMilestone tm : milestones.findByTransitionIdInAndMilestoneIn(cohort, List.of(m))) {
                switch (tm.getStatus()) {
                    case DONE -> done++;
                    case NOT_NEEDED -> notNeeded++;
                    case WAITING -> todo++;
                    case OPEN -> {
                        if (tm.getDueOn() != null && tm.getDueOn().isBefore(today)) {
                            overdue++;
                        } else if (tm.getDueOn() != null && !tm.getDueOn().isAfter(amberUntil)) {
                            soon++;
                        } else {
                            todo++;
                        }
                    }
                }
            }
            rows.add(List.of(m.label(), "" + done, "" + overdue, "" + soon, "" + todo, "" + notNeeded));
        }
        return rows;
    }

    @Test
    void progressIsCountedMilestoneByMilestoneAsTheCohortBoardCountsIt() throws Exception {
        int year = service.defaultEntryYear().orElseThrow();
        List<List<String>> lead = csv("lead", "");
        List<List<String>> dsl = csv("dsl", "");

        assertThat(lead).isEqualTo(expected(year, false, null));
        assertThat(dsl).isEqualTo(expected(year, true, null));
        assertThat(lead).extracting(r -> r.get(0)).doesNotContain(Milestone.CP_FILE.label());
        assertThat(dsl).extracting(r -> r.get(0)).contains(Milestone.CP_FILE.label());
        // the demo cohort is under way: some information is in, some is not
        List<String> information = lead.get(1);
        assertThat(Integer.parseInt(information.get(1))).isPositive();
        assertThat(Integer.parseInt(information.get(2)) + Integer.parseInt(information.get(3)) + Integer.parseInt(information.get(4)))
                .isPositive();

        String page = HttpUser.signedIn(port, "lead").get("/dashboards").body();
        assertThat(page).contains("id=\"transition-table\"").contains("Transition progress, September " + year + " intake");
    }

    @Test
    void aTutorGroupFilterCountsThatGroupAndFiltersThatCannotApplyCountNothing() throws Exception {
        int year = service.defaultEntryYear().orElseThrow();
        // the Head of Year puts three of the incoming children in a tutor group of their own
        String group = "7Q" + (System.nanoTime() % 10);
        HttpUser hoy = HttpUser.signedIn(port, "hoy");
        List<Transition> three = transitions.findByEntryYear(year).stream()
                .filter(t -> !Transition.WITHDRAWN.equals(t.getStatus())).limit(3).toList();
        for (Transition t : three) {
            assertThat(hoy.post("/transition/" + t.getReference() + "/tutor-group", Map.of("tutorGroup", group)).statusCode())
                    .isEqualTo(302);
        }
        List<List<String>> inGroup = csv("lead", "?group=" + group);
        assertThat(inGroup).isEqualTo(expected(year, false, group));
        assertThat(inGroup.subList(1, inGroup.size())).allSatisfy(r -> assertThat(
                r.subList(1, r.size()).stream().mapToInt(Integer::parseInt).sum()).isEqualTo(3));
        assertThat(csv("lead", "?group=ZZ9")).isEqualTo(expected(year, false, "ZZ9"));

        for (String query : List.of("?year=8", "?fsm=on", "?eal=on")) {
            assertThat(csv("lead", query)).as(query).hasSize(1); // the header only
        }
        String page = HttpUser.signedIn(port, "lead").get("/dashboards?year=8").body();
        assertThat(page).contains("The incoming cohort joins Year 7: nothing to count for Year 8.");
    }
}
