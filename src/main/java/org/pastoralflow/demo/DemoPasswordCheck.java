package org.pastoralflow.demo;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.pastoralflow.security.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * With the demo off, the application refuses to start while any login still has the demo's
 * password: a school that tried the demo on its database and then switched it off for real work
 * would otherwise keep logins (an administrator's and a DSL's among them) that anyone who has read
 * the README can use. Checked before the web server opens, so nobody can sign in in between.
 */
@Component
class DemoPasswordCheck implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoPasswordCheck.class);

    private final StaffDirectory directory;
    private final boolean demo;
    private final String demoPassword;

    DemoPasswordCheck(StaffDirectory directory,
                      @Value("${pastoral.demo.enabled:false}") boolean demo,
                      @Value("${pastoral.demo.password:demo}") String demoPassword) {
        this.directory = directory;
        this.demo = demo;
        this.demoPassword = demoPassword;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (demo) {
            return;
        }
        Set<String> passwords = new TreeSet<>(List.of("demo"));
        if (!demoPassword.isBlank()) {
            passwords.add(demoPassword);
        }
        List<String> demoLogins = DemoSchool.USERS.stream().map(DemoSchool.DemoUser::id).toList();
        Set<String> found = new TreeSet<>();
        passwords.forEach(p -> found.addAll(directory.usersWithPassword(p, demoLogins)));
        if (!found.isEmpty()) {
            String message = "Pastoral Flow will not start with the demo off (pastoral.demo.enabled, PASTORAL_DEMO) while these "
                    + "logins still have the demo password: " + String.join(", ", found) + ". Delete them from the database "
                    + "(docs/operations.md, \"Demo logins left behind\", has the SQL) and, if admin is one of them, set "
                    + "PASTORAL_INITIAL_ADMIN_PASSWORD so that a new administrator is made at the next start. If this database "
                    + "only ever held the demo, start on an empty one instead (with Docker: docker compose down -v deletes it).";
            log.error(message);
            throw new IllegalStateException(message);
        }
    }
}
