package org.pastoralflow.reporting;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a school may change about its dashboards ({@code pastoral.dashboards.*}): the parts of its
 * day that "incidents by time of day" counts in, how many places the location chart names, and the
 * smallest count the governors' data pack shows (smaller ones, but not none, are shown as "fewer than").
 *
 * <p>A bean with setters, not a record: the school's own values (the settings page) are bound into
 * this one instance while the application runs (docs/adr/0031), so every reader sees them at use.
 */
@ConfigurationProperties("pastoral.dashboards")
public class ReportingSettings implements InitializingBean {

    /** A part of the school day, from its start time until the next part starts. */
    public record DayPart(LocalTime starts, String label) {
    }

    private volatile List<String> dayParts = List.of("00:00 Before school", "08:40 Morning lessons",
            "10:40 Break", "11:00 Morning lessons after break", "12:40 Lunch", "13:30 Afternoon lessons",
            "15:10 After school");
    private volatile int topLocations = 10;
    private volatile int governorsSmallestCount = 5;

    public List<String> dayParts() {
        return dayParts;
    }

    public void setDayParts(List<String> dayParts) {
        if (dayParts != null && !dayParts.isEmpty()) {
            this.dayParts = List.copyOf(dayParts);
        }
    }

    public int topLocations() {
        return topLocations;
    }

    public void setTopLocations(int topLocations) {
        this.topLocations = topLocations;
    }

    public int governorsSmallestCount() {
        return governorsSmallestCount;
    }

    public void setGovernorsSmallestCount(int governorsSmallestCount) {
        this.governorsSmallestCount = governorsSmallestCount;
    }

    /** Checked once bound, at start-up and before the school's own values are taken (settings.LiveSettings). */
    @Override
    public void afterPropertiesSet() {
        if (governorsSmallestCount < 1) {
            throw new IllegalStateException("pastoral.dashboards.governors-smallest-count must be 1 or more (1 shows every count): "
                    + governorsSmallestCount);
        }
        parts();
    }

    /** The day parts in order; each setting is "HH:mm Label". */
    public List<DayPart> parts() {
        List<DayPart> parts = new ArrayList<>();
        for (String s : dayParts) {
            String[] p = s.trim().split("\\s+", 2);
            if (p.length < 2) {
                throw new IllegalStateException("pastoral.dashboards.day-parts: \"" + s + "\" should be a time and a name, e.g. \"12:40 Lunch\"");
            }
            parts.add(new DayPart(LocalTime.parse(p[0]), p[1]));
        }
        for (int i = 1; i < parts.size(); i++) {
            if (!parts.get(i).starts().isAfter(parts.get(i - 1).starts())) {
                throw new IllegalStateException("pastoral.dashboards.day-parts must be in time order: " + dayParts);
            }
        }
        return parts;
    }
}
