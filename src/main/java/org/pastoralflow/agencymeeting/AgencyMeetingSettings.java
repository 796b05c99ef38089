package org.pastoralflow.agencymeeting;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a school sets for multi-agency meetings ({@code pastoral.agency-meetings.*}): the kinds of series,
 * each with its usual interval between meetings in weeks (the next meeting's date offered on the form),
 * whether it is always a safeguarding record, and the group that keeps it; the time on a meeting's day
 * when the reminder to record it comes; how many school days after its due date another agency's
 * action is chased. Sources of the intervals: docs/processes/agency-meeting.md.
 */
@ConfigurationProperties("pastoral.agency-meetings")
public record AgencyMeetingSettings(List<Kind> kinds, LocalTime reminderAt, Integer chaseAfterSchoolDays) {

    /** A kind of series: Early Help review, Child in Need meeting, CP review conference, core group, PEP review. */
    public record Kind(String code, String name, Integer intervalWeeks, boolean safeguarding, String ownerGroup) {
    }

    public AgencyMeetingSettings {
        kinds = kinds == null || kinds.isEmpty() ? List.of(
                new Kind("early-help", "Early Help / Team Around the Family review", 6, false, "dsl"),
                new Kind("child-in-need", "Child in Need meeting", 6, true, "dsl"),
                new Kind("cp-conference", "Child protection review conference", 26, true, "dsl"),
                new Kind("core-group", "Core group meeting", 6, true, "dsl"),
                new Kind("pep", "Personal Education Plan review", 13, false, "dsl")) : List.copyOf(kinds);
        reminderAt = reminderAt == null ? LocalTime.of(16, 0) : reminderAt;
        chaseAfterSchoolDays = chaseAfterSchoolDays == null ? 2 : chaseAfterSchoolDays;
    }

    public Optional<Kind> kind(String code) {
        return kinds.stream().filter(k -> k.code().equals(code)).findFirst();
    }

    public String kindName(String code) {
        return kind(code).map(Kind::name).orElse(code);
    }

    public Map<String, String> kindOptions() {
        Map<String, String> out = new LinkedHashMap<>();
        kinds.forEach(k -> out.put(k.code(), k.name()));
        return out;
    }
}
