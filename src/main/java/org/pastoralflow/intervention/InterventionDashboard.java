package org.pastoralflow.intervention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.reporting.Dashboard;
import org.pastoralflow.reporting.DashboardFilter;
import org.pastoralflow.reporting.Table;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Component;

/**
 * The interventions dashboard, the catalogue's view: per catalogue entry, the group and 1:1 runs in the
 * period, their members, and of the members with both scores how many improved, stayed the same or got
 * worse and the mean change on the entry's scale; beside it the support plans naming the entry. Read
 * from the provision map's rows, so the two never disagree and count only what the viewer may read.
 * A feature's own dashboard (reporting.Dashboard): reporting does not know the catalogue, so no cycle.
 */
@Component
class InterventionDashboard implements Dashboard {

    static final List<String> COLUMNS = List.of("Intervention", "Kind", "Groups and 1:1 runs", "Members", "Scored", "Improved",
            "The same", "Worse", "Mean change", "Support plans naming it");

    private final ProvisionMap provisionMap;
    private final Catalogue catalogue;

    InterventionDashboard(ProvisionMap provisionMap, Catalogue catalogue) {
        this.provisionMap = provisionMap;
        this.catalogue = catalogue;
    }

    @Override
    public String name() {
        return "interventions";
    }

    @Override
    public int order() {
        return 40;
    }

    /** Sums for one catalogue entry. */
    private static final class Sums {
        final java.util.Set<Long> runs = new java.util.HashSet<>();
        final java.util.Set<Long> plans = new java.util.HashSet<>();
        final List<Integer> directions = new ArrayList<>();
        int members;
        long change;
    }

    @Override
    public Table table(DashboardFilter filter, Viewer viewer) {
        Map<String, Sums> byName = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        catalogue.all().forEach(i -> {
            byName.put(i.getName(), new Sums());
            kinds.put(i.getName(), i.isOneToOne() ? ProvisionMap.ONE_TO_ONE : ProvisionMap.GROUP);
        });
        for (ProvisionMap.Provision p : provisionMap.cohort(filter, false, viewer)) {
            if (ProvisionMap.AGENCY.equals(p.kind())) {
                continue;
            }
            Sums s = byName.computeIfAbsent(p.intervention(), k -> new Sums());
            if (ProvisionMap.PLAN.equals(p.kind())) {
                s.plans.add(p.run());
                continue;
            }
            s.runs.add(p.run());
            s.members++;
            if (p.direction() != null) {
                s.directions.add(p.direction());
                s.change += p.change();
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        byName.forEach((name, s) -> {
            boolean retiredAndUnused = catalogue.all().stream().anyMatch(i -> i.getName().equals(name) && !i.isActive())
                    && s.runs.isEmpty() && s.plans.isEmpty();
            if (retiredAndUnused) {
                return;
            }
            int scored = s.directions.size();
            rows.add(List.of(name, kinds.getOrDefault(name, ""), (long) s.runs.size(), (long) s.members, (long) scored,
                    s.directions.stream().filter(d -> d > 0).count(), s.directions.stream().filter(d -> d == 0).count(),
                    s.directions.stream().filter(d -> d < 0).count(), meanChange(s.change, scored), (long) s.plans.size()));
        });
        return new Table(name(), "Interventions: groups, 1:1 runs and their impact, " + filter.periodName(), COLUMNS, rows)
                .charting("Improved", "The same", "Worse")
                .withNote("Group and 1:1 runs with a session in the period, each member once per run; impact of the members with an "
                        + "entry and an exit score, on the catalogue entry's scale (for some, such as SDQ, lower is better), as the "
                        + "provision map counts it. Support plans running in the period count under each intervention they name; "
                        + "their measures are in the next table. "
                        + (AccessPolicy.levels(viewer).contains(Confidentiality.SEND) ? "Includes SEND groups and plans."
                        : "SEND groups and plans are not counted here."));
    }

    /** One decimal place; nobody scored gives an empty cell, since a 0 would read as "no change". */
    static Object meanChange(long sum, int count) {
        return count == 0 ? "" : Math.round(10.0 * sum / count) / 10.0;
    }
}
