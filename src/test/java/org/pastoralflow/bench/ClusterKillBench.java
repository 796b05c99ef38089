package org.pastoralflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.pastoralflow.support.ApiUser;
import org.pastoralflow.support.HttpUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes in JVMs of their own (-Xmx512m each) on the bench's trust-scale database, a load of
 * referrals raised through the JSON API on both, and node A killed with kill -9 in the middle of
 * it. Afterwards every referral a client was told about exists with a running instance waiting in
 * its first review and its concern in the chronology; no instance is left without its record or
 * the other way round; node B carries on, and completes a review of a referral node A took.
 * Also measures each node's start-up on the loaded database and the heap node B holds after the load.
 * A bench, not a test: two extra JVMs are too slow for the normal suite. Run with
 * {@code ./mvnw -B -ntp test -Pbench -Dtest=ClusterKillBench}.
 */
class ClusterKillBench extends TrustScaleBenchBase {

    static final String BENCH = "ClusterKillBench";

    @Autowired TrustScaleData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired Environment env;

    final int referrals = Integer.getInteger("bench.kill.referrals", 300);

    record Ack(String reference, String node) {
    }

    @Test
    void killOneNodeInTheMiddleOfALoadOfReferrals() throws Exception {
        data.ensureLoaded();
        String url = env.getProperty("spring.datasource.url");
        String user = env.getProperty("spring.datasource.username");
        String password = env.getProperty("spring.datasource.password", "");
        AppNode a = AppNode.start("a", url, user, password);
        AppNode b = AppNode.start("b", url, user, password);
        try {
            a.awaitHealthy(Duration.ofMinutes(4));
            b.awaitHealthy(Duration.ofMinutes(4));
            BenchResults.value(BENCH, "node start-up on the loaded database, to health UP (A, started with B)", a.secondsToHealthy, "s", null, null);
            BenchResults.value(BENCH, "node start-up on the loaded database, to health UP (B, started with A)", b.secondsToHealthy, "s", null, null);
            BenchResults.info(BENCH, "node start-up as Spring Boot logs it (A / B)", a.springStartSeconds() + " s / " + b.springStartSeconds() + " s");

            // a PSO and an administrator sign in on A; their sessions must outlive A
            HttpUser psoViaA = HttpUser.signedIn(a.port, "pso");
            HttpUser adminViaA = HttpUser.signedIn(a.port, "admin");
            // a generated student the other benches leave alone
            long student = jdbc.queryForObject("select max(id) from student", Long.class);
            String marker = "Kill bench " + System.currentTimeMillis();
            Map<String, Boolean> alive = new ConcurrentHashMap<>(Map.of("a", true, "b", true));
            ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger acksAfterKill = new AtomicInteger();
            CountDownLatch killed = new CountDownLatch(1);
            long start = System.nanoTime();
            long[] killedAt = new long[1];

            ExecutorService clients = Executors.newFixedThreadPool(3);
            for (int c = 0; c < 3; c++) {
                clients.submit(() -> {
                    int i;
                    while ((i = sent.getAndIncrement()) < referrals) {
                        // a load balancer's round robin over the nodes it believes alive
                        AppNode node = alive.get("a") && i % 2 == 0 ? a : b;
                        try {
                            HttpResponse<String> r = new ApiUser(node.port, "teacher", "demo").post("/api/referrals", Map.of(
                                    "studentId", Long.toString(student), "category", i % 2 == 0 ? "safeguarding" : "welfare",
                                    "description", marker + " #" + i, "occurredAt", "2026-11-20T10:00"));
                            if (r.statusCode() == 201) {
                                acks.add(new Ack((String) ApiUser.map(r.body()).get("reference"), node.name));
                                if (killed.getCount() == 0) {
                                    acksAfterKill.incrementAndGet();
                                }
                            } else {
                                failed.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            if (node == a) {
                                alive.put("a", false);
                            }
                        }
                    }
                    return null;
                });
            }
            long giveUp = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (acks.size() < referrals / 3 && System.nanoTime() < giveUp) {
                Thread.sleep(20);
            }
            a.killHard();
            killedAt[0] = System.nanoTime();
            killed.countDown();
            clients.shutdown();
            assertThat(clients.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
            double seconds = (System.nanoTime() - start) / 1e9;

            // every acknowledged referral, and every one of the load that committed unacknowledged
            List<Map<String, Object>> states = jdbc.queryForList("""
                    select r.reference, r.stage,
                      (select count(*) from act_ru_execution e where e.proc_inst_id_ = r.process_instance_id and e.parent_id_ is null) as running,
                      (select count(*) from act_ru_task t where t.proc_inst_id_ = r.process_instance_id
                         and t.task_def_key_ in ('Task_DslReview', 'Task_PsoTriage')) as reviews,
                      (select count(*) from chronology_entry c where c.source_type = 'referral' and c.source_id = r.id and c.kind = 'CONCERN') as concerns
                    from referral r where r.description like ?""", marker + " #%");
            Map<String, Map<String, Object>> byReference = new ConcurrentHashMap<>();
            states.forEach(s -> byReference.put((String) s.get("reference"), s));
            long missing = acks.stream().filter(ack -> !byReference.containsKey(ack.reference())).count();
            long inconsistent = states.stream().filter(s -> ((Number) s.get("running")).longValue() != 1
                    || ((Number) s.get("reviews")).longValue() != 1 || ((Number) s.get("concerns")).longValue() != 1).count();
            long orphanInstances = jdbc.queryForObject("""
                    select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_
                    where e.parent_id_ is null and d.key_ = 'referral'
                      and not exists (select 1 from referral r where r.reference = e.business_key_)""", Long.class);

            BenchResults.info(BENCH, "referrals sent / acknowledged (by A, by B) / failed", referrals + " / " + acks.size() + " ("
                    + acks.stream().filter(x -> x.node().equals("a")).count() + ", " + acks.stream().filter(x -> x.node().equals("b")).count()
                    + ") / " + failed.get());
            BenchResults.info(BENCH, "committed without an answer (the requests in flight at the kill)", states.size() - acks.size());
            BenchResults.value(BENCH, "acknowledged referrals missing afterwards", missing, "", "0", missing == 0);
            BenchResults.value(BENCH, "referrals without one running instance, one review task and one concern", inconsistent, "", "0", inconsistent == 0);
            BenchResults.value(BENCH, "referral instances without their referral record", orphanInstances, "", "0", orphanInstances == 0);
            BenchResults.value(BENCH, "referrals acknowledged by B after A was killed", acksAfterKill.get(), "", "> 0", acksAfterKill.get() > 0);
            BenchResults.value(BENCH, "referrals/s over HTTP during the load (3 clients)", acks.size() / seconds, "/s", null, null);

            // node B carries on with work node A took in
            Ack fromA = acks.stream().filter(x -> x.node().equals("a") && !x.reference().isEmpty()).findFirst().orElseThrow();
            String firstReview = (String) byReference.get(fromA.reference()).get("stage");
            ApiUser reviewerOnB = firstReview.equals("WITH_DSL") ? new ApiUser(b.port, "dsl", "demo") : new ApiUser(b.port, "pso", "demo");
            Map<String, Object> task = reviewerOnB.getList("/api/tasks").stream()
                    .filter(t -> fromA.reference().equals(t.get("reference"))).findFirst().orElse(null);
            int completed = -1;
            if (task != null) {
                completed = reviewerOnB.post("/api/tasks/" + task.get("id") + "/complete", firstReview.equals("WITH_DSL")
                        ? Map.of("decision", "pastoral-support", "rationale", "Decided on node B after node A went down", "handover", "Check in weekly")
                        : Map.of("decision", "accept", "rationale", "Accepted on node B after node A went down")).statusCode();
            } else {
                // not on the first page of the inbox (the trust's queue is long): find it by reference
                String id = jdbc.queryForObject("select t.id_ from act_ru_task t join referral r on r.process_instance_id = t.proc_inst_id_ "
                        + "where r.reference = ?", String.class, fromA.reference());
                completed = reviewerOnB.post("/api/tasks/" + id + "/complete", firstReview.equals("WITH_DSL")
                        ? Map.of("decision", "pastoral-support", "rationale", "Decided on node B after node A went down", "handover", "Check in weekly")
                        : Map.of("decision", "accept", "rationale", "Accepted on node B after node A went down")).statusCode();
            }
            BenchResults.value(BENCH, "B completes the first review of a referral A acknowledged (HTTP status)", completed, "", "204", completed == 204);

            int inbox = psoViaA.onPort(b.port).get("/inbox?show=mine").statusCode();
            BenchResults.value(BENCH, "a PSO signed in on A opens the inbox on B after A was killed (HTTP status)", inbox, "", "200", inbox == 200);
            HttpResponse<String> cockpit = adminViaA.onPort(b.port).get("/camunda/api/engine/engine/default/process-definition?key=referral");
            boolean cockpitOk = cockpit.statusCode() == 200 && cockpit.body().contains("\"key\":\"referral\"");
            BenchResults.value(BENCH, "an administrator signed in on A uses Cockpit's API on B after A was killed (HTTP status)",
                    cockpit.statusCode(), "", "200 with the referral model", cockpitOk);

            b.collectGarbage();
            HttpUser admin = HttpUser.signedIn(b.port, "admin");
            double used = heap(admin, "jvm.memory.used");
            double max = heap(admin, "jvm.memory.max");
            BenchResults.value(BENCH, "node B heap used after the load, after a full GC", used / 1048576, "MB",
                    "max heap " + Math.round(max / 1048576) + " MB", max <= 512.0 * 1048576 + 1 && used < max);
            System.out.printf("kill bench: %d acknowledged, %d failed, %d missing, %d inconsistent, B after kill %d%n",
                    acks.size(), failed.get(), missing, inconsistent, acksAfterKill.get());
            assertThat(a.isAlive()).isFalse();
            assertThat(b.isAlive()).isTrue();
        } finally {
            if (a.isAlive()) {
                a.stop();
            }
            b.stop();
        }
    }

    /** A heap figure of the node (bytes), summed over its heap pools, from its metrics endpoint. */
    static double heap(HttpUser admin, String metric) throws Exception {
        HttpResponse<String> r = admin.get("/actuator/metrics/" + metric + "?tag=area:heap");
        assertThat(r.statusCode()).as(metric).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> measurements = (List<Map<String, Object>>) ApiUser.map(r.body()).get("measurements");
        return ((Number) measurements.get(0).get("value")).doubleValue();
    }
}
