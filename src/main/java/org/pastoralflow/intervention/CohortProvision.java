package org.pastoralflow.intervention;

import java.util.ArrayList;
import java.util.List;

import org.pastoralflow.documents.CsvExport;
import org.pastoralflow.reporting.DashboardFilter;
import org.pastoralflow.security.Viewer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The provision map table for a cohort, as governors and inspectors are handed it: per kind of
 * provision and intervention, the students who received it, sessions attended, attendance at them,
 * hours, cost and the outcome. One table makes the page, the CSV and the PDF, so they cannot disagree.
 * The governors' edition shows a count of students from 1 to below {@code pastoral.dashboards.governors-smallest-count}
 * as "fewer than N", and no outcome figures over fewer than N scored students, as the data pack does.
 */
@Service
public class CohortProvision {

    public static final List<String> COLUMNS = List.of("Provision", "Intervention", "Students", "Sessions attended",
            "Attendance at sessions", "Hours", "Cost", "With an exit score", "Improved", "Same", "Worse", "Mean change");

    private final ProvisionMap map;
    private final int smallest;

    CohortProvision(ProvisionMap map, @Value("${pastoral.dashboards.governors-smallest-count:5}") int smallest) {
        this.map = map;
        this.smallest = smallest;
    }

    public record Sheet(String title, List<String> columns, List<List<Object>> rows, String totalCost, boolean governors, int smallest) {

        public byte[] csv() {
            CsvExport csv = CsvExport.withHeader(columns);
            rows.forEach(csv::row);
            return csv.toBytes();
        }
    }

    public Sheet sheet(DashboardFilter filter, boolean ehcp, boolean governors, Viewer viewer) {
        List<ProvisionMap.CohortRow> rows = ProvisionMap.byIntervention(map.cohort(filter, ehcp, viewer));
        List<List<Object>> cells = new ArrayList<>();
        long total = 0;
        for (ProvisionMap.CohortRow r : rows) {
            total += r.costPence();
            boolean hideOutcome = governors && r.scored() < smallest;
            Integer attendance = r.attendancePercent();
            cells.add(List.of(r.kind(), r.intervention(), governors ? count(r.students()) : r.students(), r.attended(),
                    attendance == null ? "" : attendance + "%", r.hours(), ProvisionMap.pounds(r.costPence()),
                    governors ? count(r.scored()) : r.scored(),
                    hideOutcome ? "not shown" : r.improved(), hideOutcome ? "not shown" : r.same(), hideOutcome ? "not shown" : r.worse(),
                    hideOutcome || r.meanChange() == null ? (hideOutcome ? "not shown" : "") : r.meanChange()));
        }
        String title = "Provision map, " + filter.describe() + (ehcp ? " · EHCP" : "");
        return new Sheet(title, COLUMNS, cells, ProvisionMap.pounds(total), governors, smallest);
    }

    private Object count(int n) {
        return n > 0 && n < smallest ? "fewer than " + smallest : n;
    }
}
