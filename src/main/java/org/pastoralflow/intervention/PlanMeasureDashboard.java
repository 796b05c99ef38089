package org.pastoralflow.intervention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.measure.Measures;
import org.pastoralflow.reporting.Dashboard;
import org.pastoralflow.reporting.DashboardFilter;
import org.pastoralflow.reporting.Table;
import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Component;

/**
 * Support plans by the scale they measure on: running in the period, closed with an end score, and of
 * those how many improved, stayed the same or got worse, and the mean change, counted as groups are
 * (measure.Scale.change). From the provision map's rows, one per plan.
 */
@Component
class PlanMeasureDashboard implements Dashboard {

    static final List<String> COLUMNS = List.of("Measure", "Plans running", "Closed with an end score", "Improved", "The same", "Worse",
            "Mean change");

    private final ProvisionMap provisionMap;
    private final Measures measures;

    PlanMeasureDashboard(ProvisionMap provisionMap, Measures measures) {
        this.provisionMap = provisionMap;
        this.measures = measures;
    }

    @Override
    public String name() {
        return "plan-measures";
    }

    @Override
    public int order() {
        return 41;
    }

    @Override
    public Table table(DashboardFilter filter, Viewer viewer) {
        Map<String, long[]> byScale = new LinkedHashMap<>(); // running, closed, improved, same, worse, sum of changes
        measures.scales().forEach(s -> byScale.put(s.name(), new long[6]));
        for (ProvisionMap.Provision p : provisionMap.cohort(filter, false, viewer)) {
            // a plan's measure is on its first row only (the rows after it are its other interventions)
            if (!ProvisionMap.PLAN.equals(p.kind()) || p.entry() == null) {
                continue;
            }
            long[] s = byScale.computeIfAbsent(p.measure(), k -> new long[6]);
            s[0]++;
            if (p.direction() != null) {
                s[1]++;
                s[p.direction() > 0 ? 2 : p.direction() == 0 ? 3 : 4]++;
                s[5] += p.change();
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        byScale.forEach((scale, s) -> rows.add(List.of(scale, s[0], s[1], s[2], s[3], s[4],
                InterventionDashboard.meanChange(s[5], (int) s[1]))));
        return new Table(name(), "Support plans by measure, " + filter.periodName(), COLUMNS, rows)
                .charting("Improved", "The same", "Worse")
                .withNote("Plans running at any time in the period, each on the scale it names; change is the end score minus the "
                        + "baseline, better or worse by the scale's direction, as for intervention groups. Only plans you may read.");
    }
}
