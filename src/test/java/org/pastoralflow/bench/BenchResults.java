package org.pastoralflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The rows every {@code *Bench} class adds, printed as one table when the run ends and written to
 * {@code target/bench/results.json} (by {@link BenchReport}, a JUnit listener). A bench adds its
 * rows with {@link #timings}, {@link #value} or {@link #info}; rows keep the order they were added in.
 *
 * <pre>
 * BenchResults.timings("CohortBoardBench", "cohort board, 300 students", BenchResults.time(50, () -> ...), 200.0);
 * </pre>
 */
public final class BenchResults {

    /** One line of the table. {@code figures} holds median/p95/n for timings, or value and unit. */
    public record Row(String bench, String measurement, Map<String, Object> figures, String target, Boolean met) {
    }

    public interface Step {
        void run() throws Exception;
    }

    private static final List<Row> rows = Collections.synchronizedList(new ArrayList<>());
    private static final Map<String, Object> machine = Collections.synchronizedMap(new LinkedHashMap<>());

    private BenchResults() {
    }

    /** Wall-clock milliseconds of each of {@code count} runs of the step. */
    public static List<Double> time(int count, Step step) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            step.run();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        return ms;
    }

    /** Median and 95th percentile of the times; met when the p95 is under the target (if there is one). */
    public static void timings(String bench, String measurement, List<Double> ms, Double p95TargetMs) {
        Map<String, Object> f = percentiles(ms);
        Boolean met = p95TargetMs == null ? null : (double) f.get("p95") < p95TargetMs;
        rows.add(new Row(bench, measurement, f, p95TargetMs == null ? null : "p95 < " + fmt(p95TargetMs) + " ms", met));
    }

    /** A single figure, e.g. referrals per second; {@code met} may be null when there is no target. */
    public static void value(String bench, String measurement, double value, String unit, String target, Boolean met) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("value", Math.abs(value) < 10 ? Math.round(value * 100) / 100.0 : round(value));
        f.put("unit", unit);
        rows.add(new Row(bench, measurement, f, target, met));
    }

    /** Anything else worth keeping with the figures: counts, settings. */
    public static void info(String bench, String measurement, Object value) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("value", value);
        rows.add(new Row(bench, measurement, f, null, null));
    }

    /** What the figures came from (cores, memory, Java, PostgreSQL, ...). */
    public static void machine(String key, Object value) {
        machine.put(key, value);
    }

    public static Map<String, Object> percentiles(List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("median", round(sorted.get(sorted.size() / 2)));
        f.put("p95", round(sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1)));
        f.put("n", sorted.size());
        f.put("unit", "ms");
        return f;
    }

    public static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }

    static boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Prints the table and writes the JSON; called once, when the whole run has finished. */
    static synchronized Path write() throws IOException {
        machine.putIfAbsent("cores", Runtime.getRuntime().availableProcessors());
        machine.putIfAbsent("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.putIfAbsent("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        machine.putIfAbsent("jvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X")).toList());
        machine.putIfAbsent("memoryTotalMb", totalMemoryMb());
        machine.put("finishedAt", LocalDateTime.now().toString());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", machine);
        json.put("rows", rows);
        Path out = Path.of("target", "bench", "results.json");
        Files.createDirectories(out.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);

        StringBuilder table = new StringBuilder("\n=== Pastoral Flow benchmark ===\n");
        machine.forEach((k, v) -> table.append(String.format("%-16s %s%n", k, v)));
        table.append(String.format("%n%-16s %-70s %-34s %-20s %s%n", "bench", "measurement", "figure", "target", "met"));
        for (Row r : rows) {
            table.append(String.format("%-16s %-70s %-34s %-20s %s%n", r.bench(), r.measurement(), figure(r.figures()),
                    r.target() == null ? "" : r.target(), r.met() == null ? "" : r.met() ? "yes" : "NO"));
        }
        table.append("written to ").append(out.toAbsolutePath()).append('\n');
        System.out.println(table);
        Files.writeString(out.resolveSibling("results.txt"), table);
        return out;
    }

    private static String figure(Map<String, Object> f) {
        if (f.containsKey("median")) {
            return "median " + fmt(f.get("median")) + ", p95 " + fmt(f.get("p95")) + " ms (n=" + f.get("n") + ")";
        }
        Object unit = f.get("unit");
        return fmt(f.get("value")) + (unit == null ? "" : " " + unit);
    }

    private static String fmt(Object o) {
        if (o instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e12) {
                return String.format(Locale.ROOT, "%.0f", d);
            }
            return String.format(Locale.ROOT, Math.abs(d) < 10 ? "%.2f" : "%.1f", d);
        }
        return String.valueOf(o);
    }

    private static long totalMemoryMb() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024 * 1024);
        }
        return -1;
    }
}
