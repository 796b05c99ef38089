package org.pastoralflow.workflow.dryrun;

import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * An engine of its own for one dry run, on an in-memory H2 database nobody else can name, with no job executor
 * (the dry run fires each timer itself, without moving the engine clock, which the application's engine shares),
 * and the application's beans replaced by {@link StandIns}. Closed, its database goes with it.
 */
final class ThrowawayEngine implements AutoCloseable {

    private final ProcessEngine engine;

    ThrowawayEngine(StandIns standIns) {
        String name = "dry-run-" + UUID.randomUUID();
        StandaloneInMemProcessEngineConfiguration c = new StandaloneInMemProcessEngineConfiguration();
        c.setProcessEngineName(name);
        c.setJdbcUrl("jdbc:h2:mem:" + name);
        c.setDatabaseSchemaUpdate(ProcessEngineConfigurationImpl.DB_SCHEMA_UPDATE_CREATE_DROP);
        c.setJobExecutorActivate(false);
        // the visited activities are read from history; nothing else of it is needed
        c.setHistoryLevel(HistoryLevel.HISTORY_LEVEL_ACTIVITY);
        // as the application: a model without a history time to live is refused
        c.setEnforceHistoryTimeToLive(true);
        c.setMetricsEnabled(false);
        c.setDbMetricsReporterActivate(false);
        c.setTaskMetricsEnabled(false);
        c.setHistoryCleanupEnabled(false);
        c.setCmmnEnabled(false);
        c.setExpressionManager(new JuelExpressionManager() {
            @Override
            protected ELResolver createElResolver() {
                CompositeELResolver resolver = new CompositeELResolver();
                resolver.add(new VariableScopeElResolver());
                resolver.add(new VariableContextElResolver());
                resolver.add(standIns);
                resolver.add(new ArrayELResolver());
                resolver.add(new ListELResolver());
                resolver.add(new MapELResolver());
                // methods of the values themselves: ${list.isEmpty()}
                resolver.add(new BeanELResolver());
                return resolver;
            }
        });
        this.engine = c.buildProcessEngine();
    }

    ProcessEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
    }
}
