package org.pastoralflow.reporting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.security.StaffDirectory;
import org.pastoralflow.workflow.TaskStatistics;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Overdue tasks by group and by person, as of now (the term does not apply: a task is overdue
 * today or not). Tasks offered to the DSL group count only for the DSL group.
 */
@Component
class TaskDashboards {

    private final TaskStatistics tasks;
    private final StaffDirectory staff;
    private final Clock clock;

    TaskDashboards(TaskStatistics tasks, StaffDirectory staff, Clock clock) {
        this.tasks = tasks;
        this.staff = staff;
        this.clock = clock;
    }

    TaskStatistics.Scope scope(DashboardFilter filter, Viewer viewer) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String students = filter.studentsFiltered() ? filter.students("s", params) : null;
        return new TaskStatistics.Scope(students, params, Visibility.levelNames(viewer));
    }

    Table byGroup(DashboardFilter filter, Viewer viewer) {
        return counts("overdue-groups", "Overdue tasks by group", "Group", tasks.overdueByGroup(Date.from(clock.instant()), scope(filter, viewer)), viewer);
    }

    Table byPerson(DashboardFilter filter, Viewer viewer) {
        Map<String, Long> byId = tasks.overdueByAssignee(Date.from(clock.instant()), scope(filter, viewer));
        List<List<Object>> rows = new ArrayList<>();
        byId.forEach((id, n) -> rows.add(List.of(staff.displayName(id), n)));
        return new Table("overdue-people", "Overdue tasks by person", List.of("Person", "Overdue tasks"), rows)
                .withNote(note(viewer));
    }

    private static Table counts(String name, String title, String what, Map<String, Long> counts, Viewer viewer) {
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((k, v) -> rows.add(List.of(k, v)));
        return new Table(name, title, List.of(what, "Overdue tasks"), rows).withNote(note(viewer));
    }

    private static String note(Viewer viewer) {
        return "As of now: the term does not apply. Tasks about a student follow the year-group and other filters; "
                + (Visibility.seesSafeguarding(viewer) ? "tasks offered to the DSL group are included."
                : "tasks offered to the DSL group are not counted here.");
    }

    @Configuration
    static class Charts {
        @Bean
        Dashboard overdueByGroup(TaskDashboards tasks) {
            return Dashboard.of("overdue-groups", 70, tasks::byGroup);
        }

        @Bean
        Dashboard overdueByPerson(TaskDashboards tasks) {
            return Dashboard.of("overdue-people", 80, tasks::byPerson);
        }
    }
}
