package org.pastoralflow.bench;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.PlatformTransactionManager;

/** The beans {@link TrustScaleBench} adds to the application. */
@TestConfiguration(proxyBeanMethods = false)
class BenchConfig {

    static final SqlCounter SQL = new SqlCounter();

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource ds && !(bean instanceof ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create(ds).name("bench").listener(SQL).methodListener(SQL).build();
                }
                return bean;
            }
        };
    }

    @Bean
    SqlCounter sqlCounter() {
        return SQL;
    }

    @Bean
    TrustScaleData trustScaleData(DataSource dataSource, PlatformTransactionManager transactions, RuntimeService runtime,
                                  TaskService tasks, IdentityService identity) {
        return new TrustScaleData(dataSource, transactions, runtime, tasks, identity);
    }

    @Bean
    StartUp startUp() {
        return new StartUp();
    }

    /** How long the application took to start in the bench JVM (schema made on an empty database). */
    static class StartUp {
        volatile double seconds;

        @EventListener
        void ready(ApplicationReadyEvent event) {
            seconds = event.getTimeTaken().toMillis() / 1000.0;
        }
    }
}
