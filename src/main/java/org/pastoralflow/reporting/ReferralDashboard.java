package org.pastoralflow.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.referral.ReferralCategory;
import org.pastoralflow.referral.Stage;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.forms.Coded;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Referrals by category and stage. With no term chosen: those open now. With a term: those raised
 * in it, by where they stand now (closed included). Only referrals the viewer could read: one held
 * by the DSL counts only for the DSL group.
 */
@Component
class ReferralDashboard implements Dashboard {

    private final NamedParameterJdbcTemplate jdbc;

    private final Visibility visibility;

    ReferralDashboard(NamedParameterJdbcTemplate jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    @Override
    public String name() {
        return "referrals";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Table table(DashboardFilter filter, Viewer viewer) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder sql = new StringBuilder("select r.category, r.stage, count(*) from referral r join student s on s.id = r.student_id where 1 = 1")
                .append(visibility.and(viewer, Visibility.REFERRALS, params));
        if (filter.termChosen()) {
            sql.append(" and r.raised_at >= :from and r.raised_at < :until");
            params.addValue("from", java.sql.Timestamp.from(filter.from())).addValue("until", java.sql.Timestamp.from(filter.until()));
        } else {
            sql.append(" and r.stage <> 'CLOSED'");
        }
        sql.append(filter.students("s", params)).append(" group by r.category, r.stage");

        Map<String, Map<Stage, Long>> byCategory = new LinkedHashMap<>();
        Coded.options(ReferralCategory.class).keySet().forEach(c -> byCategory.put(c, new LinkedHashMap<>()));
        jdbc.query(sql.toString(), params, rs -> {
            byCategory.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                    .merge(Stage.valueOf(rs.getString(2)), rs.getLong(3), Long::sum);
        });
        List<Stage> stages = List.of(Stage.values()).stream().filter(s -> filter.termChosen() || s != Stage.CLOSED).toList();
        List<String> columns = new ArrayList<>(List.of("Category"));
        stages.forEach(s -> columns.add(s.label()));
        columns.add("Total");
        List<List<Object>> rows = new ArrayList<>();
        byCategory.forEach((category, counts) -> {
            List<Object> row = new ArrayList<>(List.of(Coded.labelOf(ReferralCategory.class, category)));
            long total = 0;
            for (Stage s : stages) {
                long n = counts.getOrDefault(s, 0L);
                row.add(n);
                total += n;
            }
            row.add(total);
            rows.add(row);
        });
        String title = filter.termChosen() ? "Referrals raised in " + filter.periodName() + ", by category and where they stand now"
                : "Open referrals by category and stage";
        return new Table(name(), title, columns, rows).withNote(Visibility.seesSafeguarding(viewer)
                ? "Includes concerns reviewed by the DSL."
                : "Concerns reviewed by the DSL are not counted here: only the DSL group sees those.");
    }
}
