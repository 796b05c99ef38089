package org.pastoralflow.bench;

import org.pastoralflow.support.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The benches that share the trust-scale application extend this: one context (the same
 * annotation and the same property source), on a database of its own. The other integration
 * contexts of a JVM share one database (see PostgresInitializer), and a bench with data of its
 * own (DashboardBench puts 50,000 standalone tasks in the engine's tables) must not end up in the
 * inbox measured here.
 */
@TrustScaleBench
abstract class TrustScaleBenchBase {

    private static TestDatabase.Connection_ database;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        synchronized (TrustScaleBenchBase.class) {
            if (database == null) {
                database = TestDatabase.fresh("bench");
            }
        }
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
    }
}
