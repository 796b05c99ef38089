package org.pastoralflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The jar that {@code package} built, run as an operating system process of its own, the way a
 * school runs it: {@code java -jar} in a working directory of its own (so the default profile's
 * {@code ./data/} is there). Tests named {@code *KillIT} use it; they run in {@code verify},
 * after {@code package} (maven-failsafe-plugin).
 */
public final class PackagedApplication {

    /** 128 + 9: how the JDK reports a process that SIGKILL ended. */
    public static final int KILLED_BY_SIGKILL = 137;

    private static final Pattern STARTED = Pattern.compile("Started PastoralFlowApplication in ([0-9.]+) seconds");
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;
    private final long launchedAt;

    private PackagedApplication(Process process, int port, Path log, long launchedAt) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.launchedAt = launchedAt;
    }

    /**
     * Starts the jar in {@code workDir} on a free port, with {@code args} after the port and
     * {@code env} added to this JVM's environment; its output goes to {@code log}.
     */
    public static PackagedApplication start(Path workDir, Path log, List<String> args, Map<String, String> env)
            throws IOException {
        Files.createDirectories(workDir);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the size the application must run in (docs/operations.md)
                "-Xmx512m",
                // what `./mvnw spring-boot:run` starts the application with (the plugin's optimizedLaunch):
                // only the quick compiler, so start-up costs less of the two shared cores
                "-XX:TieredStopAtLevel=1",
                "-jar", jar().toString(),
                "--server.port=" + port,
                "--spring.main.banner-mode=off",
                // readiness turns UP only after the ApplicationReadyEvent listeners (DemoSchool) have run
                "--management.endpoint.health.probes.enabled=true"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        long launchedAt = System.nanoTime();
        return new PackagedApplication(builder.start(), port, log, launchedAt);
    }

    /**
     * The executable jar {@code package} made, and never an older one: run through failsafe
     * ({@code ./mvnw verify}), not surefire, which runs before {@code package}.
     */
    public static Path jar() throws IOException {
        String configured = System.getProperty("pastoral.packaged-jar");
        Path jar = configured != null ? Path.of(configured) : Path.of("target", "pastoral-flow-0.1.0-SNAPSHOT.jar");
        assertThat(jar).as("the packaged application; run *KillIT tests with ./mvnw verify, which packages first").exists();
        try (Stream<Path> classes = Files.walk(Path.of("target", "classes"))) {
            long newestClass = classes.filter(Files::isRegularFile).mapToLong(p -> p.toFile().lastModified()).max().orElse(0);
            assertThat(jar.toFile().lastModified())
                    .as("%s is older than target/classes: run *KillIT tests with ./mvnw verify, which packages first", jar)
                    .isGreaterThanOrEqualTo(newestClass);
        }
        return jar.toAbsolutePath();
    }

    /** Waits until the application accepts traffic; returns the seconds since its JVM was launched. */
    public double awaitReady(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        URI readiness = URI.create("http://localhost:" + port + "/actuator/health/readiness");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application died while starting (exit " + process.exitValue()
                        + "); see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<String> r = PROBE.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return (System.nanoTime() - launchedAt) / 1e9;
                }
            } catch (IOException notListeningYet) {
                // carry on waiting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the application was not ready within " + limit + "; see " + log.toAbsolutePath());
    }

    /** The start-up as Spring Boot logs it, in seconds, or -1 when it has not logged it. */
    public double springStartSeconds() throws IOException {
        Matcher m = STARTED.matcher(Files.readString(log));
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    /**
     * kill -9. {@link Process#destroyForcibly()} sends SIGKILL on Linux; call {@link #awaitKilled()}
     * to check that SIGKILL is what ended it.
     */
    public void kill() {
        process.destroyForcibly();
    }

    /** Waits for the end of a {@link #kill()}; returns the exit value the JDK saw (137 for SIGKILL). */
    public int awaitKilled() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("still alive a minute after SIGKILL");
        }
        return process.exitValue();
    }

    /** A normal stop (SIGTERM): Spring closes the engine and the connection pool, and H2 its file. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("did not stop within 90 s of SIGTERM; see " + log.toAbsolutePath());
        }
    }

    /** Ends the process if a failed test left it running. */
    public void stopIfAlive() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        }
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
