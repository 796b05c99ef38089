package org.pastoralflow.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Indexes the engine's own schema lacks. Every task completion looks up sub-tasks by
 * {@code ACT_RU_TASK.PARENT_TASK_ID_}, which has no index: with tens of thousands of open tasks
 * that is a table scan per completion (about 40 % of the throughput on PostgreSQL; see
 * docs/performance.md). Made by {@link EngineSchema} on the schema owner's connection, after the
 * engine's tables, on every start: {@code if not exists} makes that safe on every node, and only
 * the tables' owner may create an index on them.
 */
final class EngineIndexes {

    static final String TASK_PARENT = "create index if not exists pf_idx_task_parent on act_ru_task (parent_task_id_)";
    /**
     * The inbox's order ({@link InboxQuery}): its first page is read off this index, not sorted from
     * every open task. On PostgreSQL it also carries the columns the inbox tests on each task it
     * passes (id, assignee, suspension), so the walk past other groups' tasks is an index-only scan:
     * 75 → 40 ms for a PSO's first page with 50,000 open tasks (docs/performance.md).
     */
    static final String TASK_INBOX = "create index if not exists pf_idx_task_inbox on act_ru_task (priority_ desc, due_date_, create_time_)";
    static final String TASK_INBOX_COVERING = TASK_INBOX + " include (id_, assignee_, suspension_state_)";
    /** The index of the same order without the columns, made before the covering one existed. */
    static final String DROP_OLD_INBOX_ORDER = "drop index if exists pf_idx_task_inbox_order";

    private EngineIndexes() {
    }

    static void create(Connection connection, boolean postgres) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(TASK_PARENT);
            statement.execute(postgres ? TASK_INBOX_COVERING : TASK_INBOX);
            statement.execute(DROP_OLD_INBOX_ORDER);
        }
    }
}
