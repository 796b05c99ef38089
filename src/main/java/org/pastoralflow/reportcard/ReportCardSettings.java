package org.pastoralflow.reportcard;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a school sets for report cards ({@code pastoral.report-card.*}): the levels in order (each with
 * the group that reviews a card at that level), the start of each lesson of the day (how many periods
 * a day has), the usual and the longest length in school days, and when the school day ends (the
 * day's summary and the chase of unscored lessons).
 */
@ConfigurationProperties("pastoral.report-card")
public record ReportCardSettings(List<Level> levels, List<LocalTime> periodStarts, Integer defaultSchoolDays,
                                 Integer maxSchoolDays, LocalTime dayEnds) {

    /** One rung of the ladder: tutor report, Head of Year report, SLT report. */
    public record Level(String code, String name, String group) {
    }

    public ReportCardSettings {
        levels = levels == null || levels.isEmpty() ? List.of(new Level("tutor", "Tutor report", "pso"),
                new Level("head-of-year", "Head of Year report", "hoy"), new Level("slt", "SLT report", "slt")) : List.copyOf(levels);
        periodStarts = periodStarts == null || periodStarts.isEmpty() ? List.of(LocalTime.of(8, 50), LocalTime.of(9, 50),
                LocalTime.of(11, 10), LocalTime.of(12, 10), LocalTime.of(13, 50)) : List.copyOf(periodStarts);
        defaultSchoolDays = defaultSchoolDays == null ? 10 : defaultSchoolDays;
        maxSchoolDays = maxSchoolDays == null ? 30 : maxSchoolDays;
        dayEnds = dayEnds == null ? LocalTime.of(15, 30) : dayEnds;
    }

    public int periodsPerDay() {
        return periodStarts.size();
    }

    public Optional<Level> level(String code) {
        return levels.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    public String levelName(String code) {
        return level(code).map(Level::name).orElse(code);
    }

    /** The level one step up (+1) or down (-1) the ladder, or the same one at either end. */
    public Level step(String code, int direction) {
        int i = levels.indexOf(level(code).orElseThrow());
        return levels.get(Math.max(0, Math.min(levels.size() - 1, i + direction)));
    }
}
