package org.pastoralflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The index the engine's schema lacks is there after start-up. */
@PostgresIntegrationTest
class EngineIndexesIntegrationTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void taskCompletionsFindSubTasksByAnIndexNotATableScan() {
        String definition = jdbc.queryForObject(
                "select indexdef from pg_indexes where tablename = 'act_ru_task' and indexname = 'pf_idx_task_parent'", String.class);
        assertThat(definition).containsIgnoringCase("(parent_task_id_)");
        // on one connection: make the planner use an index if it can, and see which
        String plan = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c -> {
            try (var st = c.createStatement()) {
                st.execute("set enable_seqscan = off");
                StringBuilder out = new StringBuilder();
                try (var rs = st.executeQuery("explain select * from act_ru_task where parent_task_id_ = 'x'")) {
                    while (rs.next()) {
                        out.append(rs.getString(1)).append('\n');
                    }
                }
                st.execute("set enable_seqscan = on");
                return out.toString();
            }
        });
        assertThat(plan).contains("pf_idx_task_parent");
    }
}
