package org.pastoralflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A feature cannot keep anything about students without saying who may read it: every table of
 * the application's schema that is joined to {@code student} by foreign keys (either way, any
 * distance) must be declared by some {@link ConfidentialRecords} bean, every declared kind must be
 * in docs/security.md's confidentiality table, and a kind's workflow must be findable from its
 * business key (the task counts of the dashboards read its level that way).
 */
@PostgresIntegrationTest
class ConfidentialityDeclarationsTest {

    /** Tables the application keeps that are about no student, and why. Adding one here is a decision to review. */
    static final Map<String, String> NOT_ABOUT_STUDENTS = Map.ofEntries(
            Map.entry("flyway_schema_history", "the schema's own history"),
            Map.entry("spring_session", "sign-in sessions: who is signed in, no case content"),
            Map.entry("spring_session_attributes", "sign-in sessions"),
            Map.entry("record_share", "who a record is shared with: read through the policy of the record itself"),
            Map.entry("staff_year_group", "which year groups a member of staff works with"),
            Map.entry("school_term", "term dates"),
            Map.entry("school_closure", "closures and INSET days"),
            Map.entry("notification", "the e-mail outbox: staff e-mails name no child (Notifier); an e-mail home (to_family) is "
                    + "a letter's, shown only through the letter (letters.Letters), or a meeting invitation's, shown only through "
                    + "the series (agencymeeting.MeetingInvitations); both left out of the administrator's list and destroyed "
                    + "with their record"),
            Map.entry("letter_template", "a letter template's number: the Pastoral Lead's, about no student"),
            Map.entry("letter_template_version", "the text of letter templates, with merge fields in place of any student"),
            Map.entry("duty_rota", "who is on call when"),
            Map.entry("local_service", "the directory of local services: about services; a referral names the one it signposted to"),
            Map.entry("group_change", "changes to a member of staff's groups waiting for a DSL"),
            Map.entry("sign_in_failure", "failed sign-ins by login and address"),
            Map.entry("sign_in_lock", "locked logins and addresses"),
            Map.entry("sign_in_alert", "when the administrators were last told of a lock"),
            Map.entry("school_settings_version", "the school's settings (deadlines, thresholds, lists) and who changed them"),
            Map.entry("model_deployment", "who deployed a version of a model or decision table from the application, and why"),
            Map.entry("table_change", "a proposed change to a routing table waiting for a DSL: a rule, who proposed it and why"));

    @Autowired List<ConfidentialRecords> declarations;
    @Autowired JdbcTemplate jdbc;

    @Test
    void everyTableAboutStudentsIsDeclaredWithItsReaders() {
        assertThat(undeclared()).as("tables about students that no ConfidentialRecords bean declares").isEmpty();
    }

    @Test
    void aNewTableAboutStudentsWithoutADeclarationIsCaught() {
        jdbc.execute("create table pf_test_undeclared (id bigint primary key, student_id bigint references student (id))");
        jdbc.execute("create table pf_test_hanging_off (id bigint primary key, parent_id bigint references pf_test_undeclared (id))");
        try {
            assertThat(undeclared()).contains("pf_test_undeclared", "pf_test_hanging_off");
        } finally {
            jdbc.execute("drop table pf_test_hanging_off");
            jdbc.execute("drop table pf_test_undeclared");
        }
    }

    Set<String> undeclared() {
        Set<String> appTables = new TreeSet<>(jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = current_schema() "
                        + "and table_type = 'BASE TABLE' and table_name not like 'act\\_%'", String.class));
        Map<String, Set<String>> joined = new HashMap<>();
        jdbc.query("""
                select tc.table_name, ccu.table_name from information_schema.table_constraints tc
                join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
                  and ccu.table_schema = tc.table_schema
                where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()""", rs -> {
            joined.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
            joined.computeIfAbsent(rs.getString(2), k -> new TreeSet<>()).add(rs.getString(1));
        });
        Set<String> aboutStudents = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>(List.of("student"));
        while (!next.isEmpty()) {
            String table = next.pop();
            if (aboutStudents.add(table)) {
                joined.getOrDefault(table, Set.of()).stream().filter(appTables::contains).forEach(next::push);
            }
        }
        // a table with a student_id column is about students even without a foreign key
        aboutStudents.addAll(jdbc.queryForList("select table_name from information_schema.columns where table_schema = current_schema() "
                + "and column_name = 'student_id' and table_name not like 'act\\_%'", String.class));

        Set<String> declared = declarations.stream().flatMap(d -> d.kinds().stream()).flatMap(k -> k.tables().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> undeclared = new TreeSet<>(aboutStudents);
        undeclared.removeAll(declared);
        return undeclared;
    }

    @Test
    void everyTableIsEitherDeclaredOrSaidToBeAboutNoStudent() {
        Set<String> appTables = new TreeSet<>(jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = current_schema() "
                        + "and table_type = 'BASE TABLE' and table_name not like 'act\\_%'", String.class));
        Set<String> declared = declarations.stream().flatMap(d -> d.kinds().stream()).flatMap(k -> k.tables().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> unknown = new TreeSet<>(declared);
        unknown.removeAll(appTables);
        assertThat(unknown).as("declared tables that do not exist").isEmpty();

        Set<String> unexplained = new TreeSet<>(appTables);
        unexplained.removeAll(declared);
        unexplained.removeAll(NOT_ABOUT_STUDENTS.keySet());
        unexplained.removeIf(t -> t.startsWith("pf_test_"));
        assertThat(unexplained).as("tables that are neither declared nor listed as about no student").isEmpty();
    }

    @Test
    void theSecurityDocListsEveryKindOfRecord() throws Exception {
        String doc = Files.readString(Path.of("docs/security.md"));
        declarations.stream().flatMap(d -> d.kinds().stream()).forEach(k ->
                assertThat(doc).as("docs/security.md names the record kind \"%s\"", k.name()).contains("| " + k.name() + " |"));
    }

    @Test
    void aWorkflowsRecordIsFoundFromItsBusinessKey() {
        declarations.stream().flatMap(d -> d.kinds().stream()).filter(k -> k.processKey() != null).forEach(k ->
                assertThat(jdbc.queryForList(k.confidentialityByReference("'no-such-reference'"), String.class))
                        .as("the level of a %s is read by reference", k.name()).isEmpty());
    }
}
