package org.pastoralflow.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts the SQL statements the bench thread sends, split into the engine's (ACT_* tables) and
 * the application's own, and the commits. Only the thread that called {@link #start()} is counted,
 * so the job executor's polling and the web server's threads do not blur a per-referral figure.
 * A JDBC batch counts one statement per row and one round trip.
 */
public class SqlCounter implements QueryExecutionListener, MethodExecutionListener {

    private static final Pattern ENGINE = Pattern.compile("\\bact_[a-z]{2}_", Pattern.CASE_INSENSITIVE);
    private static final Pattern LITERALS = Pattern.compile("'[^']*'|\\b\\d+\\b");

    public record Counts(long engineStatements, long appStatements, long roundTrips, long commits,
                         Map<String, Long> bySql) {
        public long statements() {
            return engineStatements + appStatements;
        }
    }

    private final ThreadLocal<Boolean> counting = ThreadLocal.withInitial(() -> false);
    private final LongAdder engine = new LongAdder();
    private final LongAdder app = new LongAdder();
    private final LongAdder roundTrips = new LongAdder();
    private final LongAdder commits = new LongAdder();
    private final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();

    /** Starts counting on this thread, from zero. */
    public void start() {
        engine.reset();
        app.reset();
        roundTrips.reset();
        commits.reset();
        bySql.clear();
        counting.set(true);
    }

    public Counts stop() {
        counting.set(false);
        Map<String, Long> sql = new java.util.TreeMap<>();
        bySql.forEach((k, v) -> sql.put(k, v.sum()));
        return new Counts(engine.sum(), app.sum(), roundTrips.sum(), commits.sum(), sql);
    }

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        if (!counting.get()) {
            return;
        }
        roundTrips.increment();
        for (QueryInfo q : queryInfoList) {
            int times = execInfo.isBatch() ? Math.max(1, q.getParametersList().size()) : 1;
            String sql = q.getQuery();
            (ENGINE.matcher(sql).find() ? engine : app).add(times);
            bySql.computeIfAbsent(normalise(sql), k -> new LongAdder()).add(times);
        }
    }

    @Override
    public void beforeMethod(MethodExecutionContext context) {
    }

    @Override
    public void afterMethod(MethodExecutionContext context) {
        if (counting.get() && context.getMethod().getName().equals("commit")) {
            commits.increment();
        }
    }

    private static String normalise(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ").trim();
        return LITERALS.matcher(oneLine.length() > 240 ? oneLine.substring(0, 240) + "…" : oneLine).replaceAll("?");
    }
}
