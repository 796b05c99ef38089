package org.pastoralflow.workflow;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's own schema lacks. Every task completion looks up sub-tasks by
 * {@code ACT_RU_TASK.PARENT_TASK_ID_}, which has no index: with tens of thousands of open tasks
 * that is a table scan per completion (about 40 % of the throughput on PostgreSQL; see
 * docs/performance.md). Created after the engine has made its schema, so it also works on a
 * fresh database; {@code if not exists} makes it safe on every start and on every node.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    static final String TASK_PARENT = "create index if not exists pf_idx_task_parent on act_ru_task (parent_task_id_)";
    /** The inbox's order ({@link InboxQuery}): its first page is read off this index, not sorted from every open task. */
    static final String TASK_INBOX_ORDER =
            "create index if not exists pf_idx_task_inbox_order on act_ru_task (priority_ desc, due_date_, create_time_)";

    private DataSource dataSource;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.dataSource = configuration.getDataSource();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute(TASK_PARENT);
        jdbc.execute(TASK_INBOX_ORDER);
    }
}
