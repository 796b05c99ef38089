package org.pastoralflow.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the application at the test PostgreSQL database and the test mail server. */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static TestDatabase.Connection_ database;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        synchronized (PostgresInitializer.class) {
            if (database == null) {
                database = TestDatabase.fresh("app");
            }
        }
        TestMail.start();
        TestPropertyValues.of(
                "spring.datasource.url=" + database.url(),
                "spring.datasource.username=" + database.user(),
                "spring.datasource.password=" + database.password(),
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + TestMail.port()
        ).applyTo(context.getEnvironment());
    }
}
