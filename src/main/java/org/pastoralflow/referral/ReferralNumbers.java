package org.pastoralflow.referral;

import java.sql.DatabaseMetaData;
import java.time.Year;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/** Hands out references such as R26-00042: short enough to say on the phone, never reused. */
@Component
class ReferralNumbers {

    private final JdbcTemplate jdbc;
    private final String nextValue;

    ReferralNumbers(JdbcTemplate jdbc) throws Exception {
        this.jdbc = jdbc;
        String product = JdbcUtils.extractDatabaseMetaData(Objects.requireNonNull(jdbc.getDataSource()),
                DatabaseMetaData::getDatabaseProductName);
        // PostgreSQL and H2 spell "next value of a sequence" differently
        this.nextValue = product.toLowerCase().contains("postgres")
                ? "select nextval('referral_number_seq')"
                : "select next value for referral_number_seq";
    }

    String next() {
        Long n = jdbc.queryForObject(nextValue, Long.class);
        return String.format("R%02d-%05d", Year.now().getValue() % 100, n);
    }
}
