package org.pastoralflow.workflow.dryrun;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The recorded paths shipped in the jar, {@code journeys/<processKey>.json}, one file per model (written by the
 * process tests when they run with {@code -Dpastoral.journeys.record=true}).
 */
public final class Journeys {

    public static final String FOLDER = "journeys";

    /** One mapper for reading and writing, so the recorder writes exactly what the dry run reads. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Journeys() {
    }

    /** The paths recorded for this process key; none when no test recorded one (or the key is no file name). */
    public static List<Journey> of(String processKey) {
        if (processKey == null || !processKey.matches("[A-Za-z0-9_-]+")) {
            return List.of();
        }
        try (InputStream in = Journeys.class.getClassLoader().getResourceAsStream(FOLDER + "/" + processKey + ".json")) {
            return in == null ? List.of() : JSON.readValue(in, JourneyFile.class).paths();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
