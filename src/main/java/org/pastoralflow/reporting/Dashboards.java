package org.pastoralflow.reporting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.pastoralflow.attendance.AttendanceService;
import org.pastoralflow.attendance.Figures;
import org.pastoralflow.casefile.Confidentiality;
import org.pastoralflow.referral.ReferralCategory;
import org.pastoralflow.referral.ReferralRepository;
import org.pastoralflow.referral.Stage;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.workflow.TaskStatistics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers pastoral teams are asked for, each as a {@link Table}. Counts only, never names;
 * referrals are counted only where the viewer could read them (a Pastoral Lead's figures leave
 * out referrals held by the DSL).
 */
@Service
public class Dashboards {

    /** Attendance bands as schools report them (DfE: 90 % and 50 % are the persistent and severe lines). */
    static final List<String> BANDS = List.of("95 % and over", "90 % to 95 %", "50 % to 90 %", "under 50 %");

    private final ReferralRepository referrals;
    private final AttendanceService attendance;
    private final TaskStatistics tasks;
    private final ZoneId zone;

    Dashboards(ReferralRepository referrals, AttendanceService attendance, TaskStatistics tasks,
               @Value("${pastoral.zone:Europe/London}") ZoneId zone) {
        this.referrals = referrals;
        this.attendance = attendance;
        this.tasks = tasks;
        this.zone = zone;
    }

    public List<String> names() {
        return List.of("referrals", "attendance", "overdue-groups", "overdue-people");
    }

    public Table table(String name, Viewer viewer, Integer yearGroup) {
        return switch (name) {
            case "referrals" -> openReferrals(viewer, yearGroup);
            case "attendance" -> attendanceBands(yearGroup);
            case "overdue-groups" -> counts("overdue-groups", "Overdue tasks by group", "Group", tasks.overdueByGroup(new Date()));
            case "overdue-people" -> counts("overdue-people", "Overdue tasks by person", "Person", tasks.overdueByAssignee(new Date()));
            default -> throw new org.pastoralflow.system.NotFoundException("No dashboard " + name);
        };
    }

    /** Open referrals by category and stage, only those the viewer may read. */
    @Transactional(readOnly = true)
    public Table openReferrals(Viewer viewer, Integer yearGroup) {
        Map<String, Map<Stage, Long>> byCategory = new LinkedHashMap<>();
        ReferralCategory.options().keySet().forEach(c -> byCategory.put(c, new TreeMap<>()));
        for (Object[] row : referrals.openCounts(yearGroup)) {
            String route = (String) row[2];
            if (!Confidentiality.forGroup(route == null ? "pso" : route).visibleTo(viewer)) {
                continue;
            }
            byCategory.computeIfAbsent((String) row[0], k -> new TreeMap<>()).merge((Stage) row[1], ((Number) row[3]).longValue(), Long::sum);
        }
        List<Stage> stages = List.of(Stage.values()).stream().filter(s -> s != Stage.CLOSED).toList();
        List<String> columns = new ArrayList<>(List.of("Category"));
        stages.forEach(s -> columns.add(s.label()));
        columns.add("Total");
        List<List<Object>> rows = new ArrayList<>();
        byCategory.forEach((category, counts) -> {
            List<Object> row = new ArrayList<>(List.of(ReferralCategory.options().getOrDefault(category, category)));
            long total = 0;
            for (Stage s : stages) {
                long n = counts.getOrDefault(s, 0L);
                row.add(n);
                total += n;
            }
            row.add(total);
            rows.add(row);
        });
        return new Table("referrals", "Open referrals by category and stage", columns, rows);
    }

    /** Students in each attendance band this school year. */
    @Transactional(readOnly = true)
    public Table attendanceBands(Integer yearGroup) {
        long[] counts = new long[BANDS.size()];
        for (Figures f : attendance.yearToDateOfYearGroup(yearGroup, LocalDate.now(zone)).values()) {
            counts[band(f.percent())]++;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < BANDS.size(); i++) {
            rows.add(List.of(BANDS.get(i), counts[i]));
        }
        return new Table("attendance", "Students by attendance this school year", List.of("Attendance", "Students"), rows);
    }

    static int band(double percent) {
        if (percent >= 95) {
            return 0;
        }
        if (percent >= 90) {
            return 1;
        }
        return percent >= 50 ? 2 : 3;
    }

    private static Table counts(String name, String title, String what, Map<String, Long> counts) {
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((k, v) -> rows.add(List.of(k, v)));
        return new Table(name, title, List.of(what, "Overdue tasks"), rows);
    }
}
