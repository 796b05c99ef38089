package org.pastoralflow.supportplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.intervention.ProvisionMap;
import org.pastoralflow.reporting.DashboardFilter;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One model of measures (issue 17): a support plan names one of the school's scales, its baseline and
 * end are checked against that scale's range on their fields, and its change is read the way a group
 * member's is (SDQ: lower is better), on the plan's own pages and in the provision map.
 */
@PostgresIntegrationTest
class SupportPlanMeasureIntegrationTest {

    static final Viewer LEAD = new Viewer("lead", "Lee", Set.of("staff", "pastoral-lead"));

    @Autowired SupportPlans plans;
    @Autowired ProvisionMap provisionMap;
    @Autowired StudentRepository students;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    Map<String, String> form(String scale, String baseline) {
        Map<String, String> f = new HashMap<>(Map.of("goals", "Name feelings and ask for help", "interventions", "elsa",
                "baselineScore", baseline, "parentInformed", "true", "parentInformedHow", "Phone call"));
        if (scale != null) {
            f.put("measureScale", scale);
        }
        return f;
    }

    Map<String, String> errorsOf(Map<String, String> values) {
        FormData data = new FormData(values);
        plans.read(data);
        return data.errors();
    }

    @Test
    void aBaselineOffThePlansScaleOrNoScaleIsAnErrorOnItsField() {
        assertThat(errorsOf(form("sdq-total", "41"))).containsOnlyKeys("baselineScore")
                .extractingByKey("baselineScore").asString().contains("SDQ total difficulties (0–40, lower is better)");
        assertThat(errorsOf(form("self-rating", "0"))).containsOnlyKeys("baselineScore");
        assertThat(errorsOf(form("wellbeing", "40"))).containsOnlyKeys("measureScale");
        assertThat(errorsOf(form(null, "40"))).containsOnlyKeys("measureScale");
        assertThat(errorsOf(form("boxall", "120"))).as("0–136 on the Boxall profile").isEmpty();
    }

    @Test
    void aPlansChangeIsReadOnItsScaleAsAGroupsIsAndTheEndIsCheckedAgainstIt() {
        Student student = students.findAll().stream().filter(s -> s.getYearGroup() == 8)
                .filter(s -> jdbc.queryForObject("select count(*) from support_plan where student_id = ?", Long.class, s.getId()) == 0)
                .findFirst().orElseThrow();
        FormData data = new FormData(form("sdq-total", "24"));
        SupportPlan plan = plans.start(student.getId(), null, "pso", plans.read(data), LEAD);
        assertThat(data.errors()).isEmpty();
        assertThat(plan.getMeasureScale()).isEqualTo("sdq-total");

        FormData offScale = new FormData(Map.of("endScore", "41"));
        plans.readEndScore(plan, offScale);
        assertThat(offScale.errors()).containsOnlyKeys("endScore");
        assertThat(plans.plansOf(student.getId(), LEAD)).singleElement().satisfies(p -> assertThat(p.getEndScore()).isNull());

        FormData end = new FormData(Map.of("endScore", "17"));
        plans.close(plan, plans.readEndScore(plan, end), LEAD);
        assertThat(plans.changeOf(plan)).satisfies(c -> {
            assertThat(c.difference()).isEqualTo(-7);
            assertThat(c.direction()).as("a lower SDQ is better").isEqualTo(1);
            assertThat(c.word()).isEqualTo("improved");
        });

        DashboardFilter thisYear = new DashboardFilter(null, "Test period", LocalDate.now(clock).minusDays(1), LocalDate.now(clock),
                clock.getZone(), null, null, false, false, false, false);
        List<ProvisionMap.Provision> rows = provisionMap.student(student.getId(), thisYear, LEAD).stream()
                .filter(p -> p.kind().equals(ProvisionMap.PLAN)).toList();
        assertThat(rows).singleElement().satisfies(p -> {
            assertThat(p.direction()).isEqualTo(1);
            assertThat(p.change()).isEqualTo(-7);
            assertThat(p.outcome()).isEqualTo("SDQ total difficulties: 24 → 17 (improved)");
        });
        assertThatThrownBy(() -> plans.start(student.getId(), null, "pso", new SupportPlans.SupportPlanInput("Goals",
                List.of("elsa"), "self-rating", null, 40, true, "Phone"), LEAD))
                .as("a caller that skips the form cannot store a score off the scale").isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.queryForObject("select count(*) from support_plan where student_id = ?", Long.class, student.getId())).isOne();
    }
}
