package org.pastoralflow.workflow;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Year;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/** Hands out references such as R26-00042 from a database sequence: short enough to say on the phone, never reused. */
@Component
public class References {

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final Clock clock;

    public References(JdbcTemplate jdbc, Clock clock) throws Exception {
        this.jdbc = jdbc;
        this.clock = clock;
        String product = JdbcUtils.extractDatabaseMetaData(Objects.requireNonNull(jdbc.getDataSource()),
                DatabaseMetaData::getDatabaseProductName);
        this.postgres = product.toLowerCase().contains("postgres");
    }

    /** @param sequence a sequence created by a migration, e.g. {@code referral_number_seq} */
    public String next(String prefix, String sequence) {
        if (!sequence.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a sequence name: " + sequence);
        }
        // PostgreSQL and H2 spell "next value of a sequence" differently
        Long n = jdbc.queryForObject(postgres ? "select nextval('" + sequence + "')" : "select next value for " + sequence, Long.class);
        return String.format("%s%02d-%05d", prefix, Year.now(clock).getValue() % 100, n);
    }
}
