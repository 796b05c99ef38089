package org.pastoralflow.settings;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The table of saved versions (V37). Plain JDBC: a version's number is the key, so two saves made
 * from the same version at once cannot both be stored (the second insert fails and is refused).
 */
@Repository
class SettingsVersions {

    private static final TypeReference<Map<String, String>> OVERRIDES = new TypeReference<>() {
    };
    private static final TypeReference<List<SettingsVersion.Change>> CHANGES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    SettingsVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of the version in force, 0 for none: the one cheap query each node makes to see whether another saved. */
    int latestNumber() {
        Integer n = jdbc.queryForObject("select max(number) from school_settings_version", Integer.class);
        return n == null ? 0 : n;
    }

    Optional<SettingsVersion> find(int number) {
        if (number == 0) {
            return Optional.of(SettingsVersion.DEFAULTS);
        }
        return jdbc.query("select * from school_settings_version where number = ?", rows, number).stream().findFirst();
    }

    SettingsVersion latest() {
        return find(latestNumber()).orElse(SettingsVersion.DEFAULTS);
    }

    List<SettingsVersion> newestFirst(int limit) {
        return jdbc.query("select * from school_settings_version order by number desc fetch first " + limit + " rows only", rows);
    }

    void insert(SettingsVersion v) {
        jdbc.update("insert into school_settings_version (number, overrides, changes, reason, saved_by, saved_at, put_back_from) "
                        + "values (?, ?, ?, ?, ?, ?, ?)", v.number(), write(new TreeMap<>(v.overrides())), write(v.changes()), v.reason(),
                v.savedBy(), Timestamp.from(v.savedAt()), v.putBackFrom());
    }

    private final RowMapper<SettingsVersion> rows = (rs, i) -> new SettingsVersion(rs.getInt("number"),
            read(rs.getString("overrides"), OVERRIDES), read(rs.getString("changes"), CHANGES), rs.getString("reason"),
            rs.getString("saved_by"), rs.getTimestamp("saved_at").toInstant(), (Integer) rs.getObject("put_back_from", Integer.class));

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored settings version cannot be read: " + e.getMessage(), e);
        }
    }
}
