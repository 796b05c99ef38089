package org.pastoralflow.settings;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One saved version of the school's settings: the values that differ from application.yml (as
 * properties, e.g. {@code pastoral.deadlines.referral.dsl-review=2}), who saved it, when, why and
 * what changed. Version 0 is application.yml alone and is never stored.
 */
public record SettingsVersion(int number, Map<String, String> overrides, List<Change> changes, String reason, String savedBy,
                              Instant savedAt, Integer putBackFrom) {

    /** A setting's value before and after, as the page shows them. */
    public record Change(String key, String label, String before, String after) {
    }

    static final SettingsVersion DEFAULTS = new SettingsVersion(0, Map.of(), List.of(), "The defaults in application.yml", null, null, null);
}
