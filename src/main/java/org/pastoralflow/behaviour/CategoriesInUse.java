package org.pastoralflow.behaviour;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.pastoralflow.settings.CodesInUse;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The behaviour categories logs use: the settings page keeps such a category in the list (a log
 * shows its category's label, and would show a bare code without it). Counted over every log, of
 * every confidentiality: whether a code is in use is no case content, and the count is not shown
 * with any student.
 */
@Component
class CategoriesInUse implements CodesInUse {

    private final NamedParameterJdbcTemplate jdbc;

    CategoriesInUse(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String setting() {
        return "behaviour.categories";
    }

    @Override
    public Map<String, Long> inUse(Collection<String> codes) {
        Map<String, Long> used = new LinkedHashMap<>();
        jdbc.query("select category, count(*) from behaviour_log where category in (:codes) group by category order by category",
                Map.of("codes", codes), rs -> {
                    used.put(rs.getString(1), rs.getLong(2));
                });
        return used;
    }
}
