package org.pastoralflow.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pastoralflow.security.Viewer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which tasks an inbox shows, and in which order, read straight from the engine's task tables: the
 * ids of the first page, most urgent first. The engine's own task query for "mine or my groups'"
 * joins the candidate links and asks for DISTINCT over every task column, so PostgreSQL sorts every
 * open task of the trust before it can return the first 200 (200-700 ms with 50,000 open tasks,
 * and the plan it picks changes with the data; see docs/performance.md). Here a candidate link is
 * an EXISTS test, so the first page comes straight off the index that {@link EngineIndexes} adds
 * in this order. The tasks themselves are then read by id through the engine.
 *
 * <p>The rules are the engine's for its task query: a task is the viewer's when it is assigned to
 * them; it waits for them when it is unassigned and has a candidate link to them or to one of their
 * groups; only active (not suspended) tasks are listed; priority first (highest first), then due
 * date (earliest first, in the database's order for tasks without one), then creation time.
 *
 * <p>A PSO or Head of Year who works with some year groups only ({@code years} not null) sees a task
 * offered to one of their groups only when it is about a student of those years, or about no one
 * student (an incident with several, a child not yet on roll). The student is the task's own (a
 * statement from each student) or else its workflow's. A task assigned to them or offered to them by
 * name (an on-call call while they are on duty) is theirs whatever the year.
 */
@Component
class InboxQuery {

    /** The task's student (its own, else its workflow's) is in :years, or it has none. */
    private static final String IN_YEARS = "coalesce((select v.long_ from act_ru_variable v where v.execution_id_ = t.execution_id_"
            + " and v.name_ = '" + TaskInbox.TASK_STUDENT_ID + "' and v.long_ is not null limit 1),"
            + " (select v.long_ from act_ru_variable v where v.execution_id_ = t.proc_inst_id_"
            + " and v.name_ = '" + TaskInbox.STUDENT_ID + "' and v.long_ is not null limit 1), -1) in"
            + " (select -1 union all select s.id from student s where s.year_group in (:years))";

    private final NamedParameterJdbcTemplate jdbc;

    InboxQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> firstPage(Viewer viewer, TaskInbox.Scope scope, int size, Set<Integer> years) {
        boolean groups = !viewer.groups().isEmpty();
        String waiting = years == null
                ? "(t.assignee_ is null and exists (select 1 from act_ru_identitylink l where l.task_id_ = t.id_"
                        + " and l.type_ = 'candidate' and (l.user_id_ = :user" + (groups ? " or l.group_id_ in (:groups)" : "") + ")))"
                : "(t.assignee_ is null and (exists (select 1 from act_ru_identitylink l where l.task_id_ = t.id_"
                        + " and l.type_ = 'candidate' and l.user_id_ = :user)"
                        + (groups ? " or (exists (select 1 from act_ru_identitylink l where l.task_id_ = t.id_"
                        + " and l.type_ = 'candidate' and l.group_id_ in (:groups)) and " + IN_YEARS + ")" : "") + "))";
        String which = switch (scope) {
            case MINE -> "t.assignee_ = :user";
            case GROUPS -> waiting;
            case ALL -> "(t.assignee_ = :user or " + waiting + ")";
        };
        MapSqlParameterSource params = new MapSqlParameterSource(Map.of("user", viewer.userId(), "size", size));
        if (groups) {
            params.addValue("groups", new ArrayList<>(viewer.groups()));
        }
        if (years != null) {
            params.addValue("years", new ArrayList<>(years));
        }
        return jdbc.queryForList("select t.id_ from act_ru_task t where t.suspension_state_ = 1 and " + which
                + " order by t.priority_ desc, t.due_date_ asc, t.create_time_ asc limit :size", params, String.class);
    }
}
