package org.pastoralflow.measure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The configured scales, looked up by code. Named {@code measures} so a page can show a plan's scale
 * ({@code @measures.name(code)}) without each controller passing it.
 */
@Component("measures")
@EnableConfigurationProperties(MeasureSettings.class)
public class Measures {

    private final MeasureSettings settings;

    public Measures(MeasureSettings settings) {
        this.settings = settings;
    }

    public List<Scale> scales() {
        return settings.scales();
    }

    public Optional<Scale> scale(String code) {
        return settings.scales().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** A record whose scale was taken out of the settings still reads, on the plans' old 0–100 scale. */
    public Scale scaleOrPlan(String code) {
        return scale(code).orElse(MeasureSettings.PLAN_SCORE);
    }

    public List<String> codes() {
        return settings.scales().stream().map(Scale::code).toList();
    }

    /** Code → "name (range, direction)", for a form's choice of scale. */
    public Map<String, String> options() {
        Map<String, String> out = new LinkedHashMap<>();
        settings.scales().forEach(s -> out.put(s.code(), s.describe()));
        return out;
    }

    public String name(String code) {
        return scaleOrPlan(code).name();
    }

    /** "+3, improved" for a page; empty while there is no last score. */
    public String change(String code, int entry, Integer exit) {
        Scale.Change c = scaleOrPlan(code).change(entry, exit);
        return c == null ? "" : c.signed() + ", " + c.word();
    }
}
