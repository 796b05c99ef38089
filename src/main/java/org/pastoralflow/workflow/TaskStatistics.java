package org.pastoralflow.workflow;

import java.util.Arrays;
import java.util.List;

import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.ConfidentialRecords;
import org.pastoralflow.security.Confidentiality;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Counts over the engine's open tasks for dashboards, straight from its tables in one query each:
 * the task query API would load every task to count them by group or person.
 */
@Service
public class TaskStatistics {

    /**
     * Which open tasks to count: those about students matching {@code studentConditions} (SQL
     * conditions over the {@code student} table as {@code s}, each starting with " and ", with
     * their parameters; null for every task), and the confidentialities the viewer reads: a task
     * counts only when both the groups it is offered to and the record it is about are readable at
     * those levels (the access policy's rule for tasks, {@code AccessPolicy.taskLevel}).
     */
    public record Scope(String studentConditions, MapSqlParameterSource params, List<String> levels) {

        public static Scope everything() {
            return new Scope(null, new MapSqlParameterSource(), Arrays.stream(Confidentiality.values()).map(Enum::name).toList());
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final List<ConfidentialRecords.Kind> records;

    TaskStatistics(NamedParameterJdbcTemplate jdbc, List<ConfidentialRecords> declarations) {
        this.jdbc = jdbc;
        this.records = declarations.stream().flatMap(d -> d.kinds().stream()).filter(k -> k.processKey() != null).toList();
    }

    /** Open tasks past their due date, by the group they are offered to (a task in two groups counts in both). */
    public Map<String, Long> overdueByGroup(Date now) {
        return overdueByGroup(now, Scope.everything());
    }

    public Map<String, Long> overdueByGroup(Date now, Scope scope) {
        Map<String, Long> byGroup = new LinkedHashMap<>();
        MapSqlParameterSource params = scope.params().addValue("now", now);
        jdbc.query("select l.group_id_, count(distinct t.id_) from act_ru_task t "
                        + "join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null "
                        + "where t.due_date_ < :now" + conditions(scope) + " group by l.group_id_ order by l.group_id_",
                params, rs -> {
                    byGroup.put(rs.getString(1), rs.getLong(2));
                });
        return byGroup;
    }

    /** Open tasks past their due date that someone has claimed, by that person. */
    public Map<String, Long> overdueByAssignee(Date now) {
        return overdueByAssignee(now, Scope.everything());
    }

    public Map<String, Long> overdueByAssignee(Date now, Scope scope) {
        Map<String, Long> byPerson = new LinkedHashMap<>();
        MapSqlParameterSource params = scope.params().addValue("now", now);
        jdbc.query("select t.assignee_, count(*) from act_ru_task t where t.due_date_ < :now and t.assignee_ is not null"
                        + conditions(scope) + " group by t.assignee_ order by t.assignee_",
                params, rs -> {
                    byPerson.put(rs.getString(1), rs.getLong(2));
                });
        return byPerson;
    }

    /**
     * A task is about the student its multi-instance execution names ({@link TaskInbox#TASK_STUDENT_ID}),
     * or else the student of its process ({@link TaskInbox#STUDENT_ID}).
     */
    private String conditions(Scope scope) {
        StringBuilder sql = new StringBuilder();
        List<String> unreadableGroups = AccessPolicy.groupsAbove(scope.levels().stream().map(Confidentiality::valueOf).toList());
        if (!unreadableGroups.isEmpty()) {
            // offered to groups, the task is as confidential as the least confidential of them
            scope.params().addValue("unreadableGroups", unreadableGroups);
            sql.append(" and (not exists (select 1 from act_ru_identitylink d where d.task_id_ = t.id_ and d.type_ = 'candidate'")
                    .append(" and d.group_id_ is not null) or exists (select 1 from act_ru_identitylink d where d.task_id_ = t.id_")
                    .append(" and d.type_ = 'candidate' and d.group_id_ is not null and d.group_id_ not in (:unreadableGroups)))");
        }
        if (!records.isEmpty()) {
            // and never less confidential than the record it is about
            scope.params().addValue("levels", scope.levels().isEmpty() ? List.of("NONE") : scope.levels());
            StringBuilder level = new StringBuilder("(select case pd.key_");
            for (ConfidentialRecords.Kind r : records) {
                level.append(" when '").append(r.processKey()).append("' then (").append(r.confidentialityByReference("e.business_key_"))
                        .append(")");
            }
            level.append(" end from act_ru_execution e join act_re_procdef pd on pd.id_ = e.proc_def_id_ where e.id_ = t.proc_inst_id_)");
            sql.append(" and coalesce(").append(level).append(", 'PASTORAL') in (:levels)");
        }
        if (scope.studentConditions() != null) {
            sql.append(" and exists (select 1 from student s where s.id = coalesce(")
                    .append("(select v.long_ from act_ru_variable v where v.execution_id_ = t.execution_id_ and v.name_ = '")
                    .append(TaskInbox.TASK_STUDENT_ID).append("'), ")
                    .append("(select v.long_ from act_ru_variable v where v.execution_id_ = t.proc_inst_id_ and v.name_ = '")
                    .append(TaskInbox.STUDENT_ID).append("'))")
                    .append(scope.studentConditions()).append(")");
        }
        return sql.toString();
    }
}
