package org.pastoralflow.supportplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.pastoralflow.audit.AuditInsertOnly;
import org.pastoralflow.support.TestDatabase;

/**
 * V40 on plans written before it, on both databases the application runs on: each plan's free-text
 * measure is kept as its note, and it is put on a scale only where its words name one and both its
 * scores fit that scale; every other plan is on plan-score (0–100, what the old form took).
 */
class SupportPlanMeasureMigrationTest {

    /** Old measure, baseline, end → the scale V40 must give it. */
    record Old(String measure, int baseline, Integer end, String scale) {
    }

    static final Old[] PLANS = {
            new Old("SDQ total difficulties", 24, 17, "sdq-total"),
            new Old("Teacher SDQ (total)", 20, null, "sdq-total"),
            new Old("SDQ, scaled to 0-100", 70, 55, "plan-score"), // words name SDQ, the scores do not fit 0-40
            new Old("Self-rating of confidence", 3, 7, "self-rating"),
            new Old("Attendance % this school year", 84, 95, "attendance"),
            new Old("Attendance this half-term (%)", 80, null, "attendance"),
            new Old("Boxall profile", 60, 90, "boxall"),
            new Old("Negative behaviour points this term", 35, 18, "behaviour-points"),
            new Old("Behaviour points avoided (0-100)", 35, 58, "plan-score"),
            new Old("Wellbeing (WEMWBS, scaled 0-100)", 41, 63, "plan-score"),
    };

    @Test
    void onH2() throws Exception {
        check("jdbc:h2:mem:v40-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Test
    void onPostgres() throws Exception {
        TestDatabase.Connection_ db = TestDatabase.fresh("v40");
        check(db.url(), db.user(), db.password());
    }

    void check(String url, String user, String password) throws Exception {
        flyway(url, user, password, "34").migrate();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            try (Statement s = c.createStatement()) {
                s.execute("insert into student (id, upn, legal_surname, legal_forename, date_of_birth, year_group, sen_status, ehcp, fsm, "
                        + "eal, in_care, young_carer, imported_at) values (1, 'A123456789012', 'Old', 'Plan', date '2012-01-01', 9, 'N', "
                        + "false, false, false, false, false, current_timestamp)");
            }
            try (PreparedStatement p = c.prepareStatement("insert into support_plan (id, student_id, owner_group, confidentiality, goals, "
                    + "interventions, measure_name, baseline_score, end_score, parent_informed, started_on, created_by, created_at) "
                    + "values (?, 1, 'pso', 'PASTORAL', 'Goals', 'mentoring', ?, ?, ?, true, date '2025-09-10', 'pso', current_timestamp)")) {
                for (int i = 0; i < PLANS.length; i++) {
                    p.setLong(1, i + 1);
                    p.setString(2, PLANS[i].measure());
                    p.setInt(3, PLANS[i].baseline());
                    p.setObject(4, PLANS[i].end());
                    p.executeUpdate();
                }
            }
        }
        flyway(url, user, password, "40").migrate();
        Map<String, String> scales = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select measure_note, measure_scale, baseline_score from support_plan order by id")) {
            int i = 0;
            while (rs.next()) {
                assertThat(rs.getInt(3)).as("scores are kept").isEqualTo(PLANS[i].baseline());
                scales.put(rs.getString(1), rs.getString(2));
                expected.put(PLANS[i].measure(), PLANS[i].scale());
                i++;
            }
        }
        assertThat(scales).as("the old words, kept as the note, and the scale each plan is on").containsExactlyEntriesOf(expected);
    }

    static Flyway flyway(String url, String user, String password, String target) {
        return Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                .javaMigrations(new AuditInsertOnly()).target(target).load();
    }
}
