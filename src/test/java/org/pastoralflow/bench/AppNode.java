package org.pastoralflow.bench;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.pastoralflow.PastoralFlowApplication;

/**
 * The application in a JVM of its own (at most 512 MB of heap), started from the build's classes
 * and dependencies, on a database another node may share: a node of a cluster that a bench can
 * start, measure and kill -9.
 */
final class AppNode {

    private static final Pattern STARTED = Pattern.compile("Started PastoralFlowApplication in ([0-9.]+) seconds");

    final String name;
    final int port;
    final Path log;
    private final Process process;
    private final long startedAt = System.nanoTime();
    double secondsToHealthy;

    private AppNode(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static AppNode start(String name, String jdbcUrl, String user, String password) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Path.of("target", "bench", "node-" + name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", applicationClassPath(), PastoralFlowApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--camunda.bpm.job-execution.enabled=true",
                "--pastoral.demo.enabled=true", "--pastoral.demo.password=demo",
                "--spring.main.banner-mode=off"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new AppNode(name, port, log, p);
    }

    /** Waits until /actuator/health answers UP; returns the seconds since the JVM was started. */
    double awaitHealthy(Duration limit) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " died while starting; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    secondsToHealthy = (System.nanoTime() - startedAt) / 1e9;
                    return secondsToHealthy;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("node " + name + " not healthy within " + limit + "; see " + log.toAbsolutePath());
    }

    /** What Spring Boot says the start took, from the node's log. */
    double springStartSeconds() throws Exception {
        Matcher m = STARTED.matcher(Files.readString(log));
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: the JVM gets no chance to finish anything. */
    void killHard() throws Exception {
        new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start().waitFor();
        process.waitFor();
    }

    void stop() throws Exception {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Asks the node's JVM for a full collection, so a heap figure read afterwards is what stays. */
    void collectGarbage() throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    /**
     * The classes and dependencies of the application, without the tests' own classes: the test
     * JVM's class path (through surefire's manifest jar when it uses one) less target/test-classes.
     */
    static String applicationClassPath() throws Exception {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        List<String> entries = new ArrayList<>(Arrays.asList(cp.split(File.pathSeparator)));
        if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
            Path booterJar = Path.of(entries.get(0));
            try (JarFile booter = new JarFile(booterJar.toFile())) {
                String manifestPath = booter.getManifest().getMainAttributes().getValue("Class-Path");
                if (manifestPath != null) {
                    entries = Arrays.stream(manifestPath.trim().split("\\s+"))
                            .map(u -> u.startsWith("file:") ? Path.of(URI.create(u)).toString()
                                    : booterJar.resolveSibling(u).toString())
                            .collect(Collectors.toList());
                }
            }
        }
        return entries.stream().filter(e -> !e.replace('\\', '/').contains("/test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
