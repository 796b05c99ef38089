package org.pastoralflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pastoralflow.support.HttpUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The quick log's benchmark, not a test (not named *Test). On the trust-scale data
 * ({@link TrustScaleData}): a teacher logs behaviour for a class of 30 in one POST over real HTTP,
 * class after class (30 students of one tutor group each, the categories taking turns, a third of
 * them achievements), and the time of each request to its redirect is taken: one line, one
 * chronology entry per student, the weekly threshold asked per student (a follow-up started where
 * the table says so) or the milestones checked. Issue 15's target: p95 under 300 ms. Run with
 * <pre>./mvnw -B -ntp -o test -Pbench -Dtest=BehaviourBench -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.students=3000 -Dbench.tasks=5000 -Dbench.events=100000</pre>
 */
class BehaviourBench extends TrustScaleBenchBase {

    static final String BENCH = "BehaviourBench";
    static final List<String> CATEGORIES = List.of("disruption", "homework", "no-equipment", "effort", "lateness", "defiance");

    @LocalServerPort int port;
    @Autowired TrustScaleData data;
    @Autowired JdbcTemplate jdbc;

    final int requests = Integer.getInteger("bench.requests", 100);

    @Test
    void run() throws Exception {
        data.ensureLoaded();
        List<List<String>> classes = new ArrayList<>();
        for (String group : jdbc.queryForList("select reg_group from student where reg_group is not null group by reg_group "
                + "having count(*) >= 30 order by reg_group", String.class)) {
            classes.add(jdbc.queryForList("select upn from student where reg_group = ? order by upn limit 30", String.class, group));
        }
        assertThat(classes).as("tutor groups of 30 or more").isNotEmpty();
        HttpUser teacher = HttpUser.signedIn(port, "teacher");
        String token = teacher.csrfFrom("/behaviour/new");
        int[] n = {0};
        BenchResults.Step logOne = () -> {
            int i = n[0]++;
            List<String> upns = classes.get(i % classes.size());
            Map<String, String> form = new HashMap<>();
            form.put("category", CATEGORIES.get(i % CATEGORIES.size()));
            form.put("place", "Room " + (i % 40) + ", period " + (i % 5 + 1));
            for (int row = 0; row < upns.size(); row++) {
                form.put("upn-" + row, upns.get(row));
            }
            var answer = teacher.postWithToken("/behaviour", form, token);
            assertThat(answer.statusCode()).as("log %d", i).isEqualTo(302);
        };
        BenchResults.time(20, logOne);
        List<Double> ms = BenchResults.time(requests, logOne);
        BenchResults.timings(BENCH, "log behaviour for a class of 30 over HTTP", ms, 300.0);
        BenchResults.info(BENCH, "lines written", jdbc.queryForObject("select count(*) from behaviour_log", Long.class));
        BenchResults.info(BENCH, "follow-ups started", jdbc.queryForObject("select count(*) from behaviour_follow_up", Long.class));
        System.out.println("BehaviourBench: " + BenchResults.percentiles(ms));
    }
}
