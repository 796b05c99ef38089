package org.pastoralflow.workflow;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Counts over the engine's open tasks for dashboards, straight from its tables in one query each:
 * the task query API would load every task to count them by group or person.
 */
@Service
public class TaskStatistics {

    private final JdbcTemplate jdbc;

    TaskStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Open tasks past their due date, by the group they are offered to (a task in two groups counts in both). */
    public Map<String, Long> overdueByGroup(Date now) {
        Map<String, Long> byGroup = new LinkedHashMap<>();
        jdbc.query("""
                select l.group_id_, count(distinct t.id_) from act_ru_task t
                join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null
                where t.due_date_ < ? group by l.group_id_ order by l.group_id_""",
                rs -> {
                    byGroup.put(rs.getString(1), rs.getLong(2));
                }, now);
        return byGroup;
    }

    /** Open tasks past their due date that someone has claimed, by that person. */
    public Map<String, Long> overdueByAssignee(Date now) {
        Map<String, Long> byPerson = new LinkedHashMap<>();
        jdbc.query("select assignee_, count(*) from act_ru_task where due_date_ < ? and assignee_ is not null "
                        + "group by assignee_ order by assignee_",
                rs -> {
                    byPerson.put(rs.getString(1), rs.getLong(2));
                }, now);
        return byPerson;
    }
}
