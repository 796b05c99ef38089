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
 * the application's own, and the commits, per path (application, bare engine, ...). Only a thread
 * that called {@link #countAs} is counted,
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

    /** What the statements of one path add up to. */
    private static final class Totals {
        final LongAdder engine = new LongAdder();
        final LongAdder app = new LongAdder();
        final LongAdder roundTrips = new LongAdder();
        final LongAdder commits = new LongAdder();
        final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();
    }

    private final ThreadLocal<Totals> counting = new ThreadLocal<>();
    private final Map<String, Totals> paths = new ConcurrentHashMap<>();

    /** Counts this thread's statements towards the path from now on (adding to what it has). */
    public void countAs(String path) {
        counting.set(paths.computeIfAbsent(path, k -> new Totals()));
    }

    /** Stops counting this thread's statements. */
    public void pause() {
        counting.remove();
    }

    /** Forgets every path's counts. */
    public void reset() {
        paths.clear();
    }

    public Counts counts(String path) {
        Totals t = paths.getOrDefault(path, new Totals());
        Map<String, Long> sql = new java.util.TreeMap<>();
        t.bySql.forEach((k, v) -> sql.put(k, v.sum()));
        return new Counts(t.engine.sum(), t.app.sum(), t.roundTrips.sum(), t.commits.sum(), sql);
    }

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        Totals t = counting.get();
        if (t == null) {
            return;
        }
        t.roundTrips.increment();
        for (QueryInfo q : queryInfoList) {
            int times = execInfo.isBatch() ? Math.max(1, q.getParametersList().size()) : 1;
            String sql = q.getQuery();
            (ENGINE.matcher(sql).find() ? t.engine : t.app).add(times);
            t.bySql.computeIfAbsent(normalise(sql), k -> new LongAdder()).add(times);
        }
    }

    @Override
    public void beforeMethod(MethodExecutionContext context) {
    }

    @Override
    public void afterMethod(MethodExecutionContext context) {
        Totals t = counting.get();
        if (t != null && context.getMethod().getName().equals("commit")) {
            t.commits.increment();
        }
    }

    private static String normalise(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ").trim();
        return LITERALS.matcher(oneLine.length() > 240 ? oneLine.substring(0, 240) + "…" : oneLine).replaceAll("?");
    }
}
