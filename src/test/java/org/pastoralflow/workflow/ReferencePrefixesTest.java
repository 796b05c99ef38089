package org.pastoralflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every kind of record numbers its references from a prefix of its own ({@link References#next}):
 * two features sharing one would print the same reference, {@code L26-00001}, for two records, so
 * a page that may show one kind would seem to name the other (the confidentiality canary once
 * found a quick log's reference equal to a DSL-only leaver's).
 */
class ReferencePrefixesTest {

    private static final Pattern NEXT = Pattern.compile("references\\.next\\(\"([A-Z]+)\",\\s*\"([a-z_]+)\"\\)");

    /** Prefix → the sequences numbering it, from every call in the main code. */
    static Map<String, Set<String>> prefixes(Path sources) {
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                try {
                    Matcher m = NEXT.matcher(Files.readString(f));
                    while (m.find()) {
                        found.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    static Map<String, Set<String>> shared(Map<String, Set<String>> prefixes) {
        Map<String, Set<String>> shared = new TreeMap<>(prefixes);
        shared.values().removeIf(sequences -> sequences.size() == 1);
        return shared;
    }

    @Test
    void noTwoKindsOfRecordShareAReferencePrefix() {
        Map<String, Set<String>> prefixes = prefixes(Path.of("src/main/java"));
        // the features that number records: referrals, incidents, leavers, transitions and the rest
        assertThat(prefixes).containsKeys("R", "I", "L", "Q").hasSizeGreaterThan(8);
        assertThat(shared(prefixes)).as("prefixes numbered by more than one sequence").isEmpty();
    }

    @Test
    void aSharedPrefixWouldBeFound(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Leaver.java"), "x = references.next(\"L\", \"leaver_number_seq\");");
        Files.writeString(dir.resolve("QuickLog.java"), "y = references.next(\"L\",\n        \"quick_log_number_seq\");");
        assertThat(shared(prefixes(dir))).containsOnlyKeys("L");
    }
}
