package org.pastoralflow.behaviour;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rewards: when achievement points logged take a student past a milestone of the school year
 * ({@code pastoral.behaviour.milestones}), the milestone is recorded once, with a chronology entry,
 * and its certificate can be printed; the celebration assembly lists who reached one.
 */
@Service
public class Milestones {

    private final BehaviourLogRepository logs;
    private final BehaviourMilestoneRepository milestones;
    private final BehaviourSettings settings;
    private final CaseStore caseStore;
    private final Clock clock;

    Milestones(BehaviourLogRepository logs, BehaviourMilestoneRepository milestones, BehaviourSettings settings, CaseStore caseStore,
               Clock clock) {
        this.logs = logs;
        this.milestones = milestones;
        this.settings = settings;
        this.caseStore = caseStore;
        this.clock = clock;
    }

    /** 1 September (or the configured month) of the school year the day falls in. */
    LocalDate schoolYearStart(LocalDate day) {
        int month = settings.schoolYearStartMonth();
        return LocalDate.of(day.getMonthValue() >= month ? day.getYear() : day.getYear() - 1, month, 1);
    }

    /** Records each milestone the students' achievement points this school year have reached and that is not recorded yet. */
    @Transactional
    public int check(Collection<Long> studentIds, Instant occurredAt) {
        ZoneId zone = clock.getZone();
        LocalDate start = schoolYearStart(occurredAt.atZone(zone).toLocalDate());
        Map<Long, Integer> totals = new HashMap<>();
        for (Object[] row : logs.achievementPoints(studentIds, start.atStartOfDay(zone).toInstant(),
                start.plusYears(1).atStartOfDay(zone).toInstant())) {
            totals.put((Long) row[0], ((Number) row[1]).intValue());
        }
        int reached = 0;
        for (Long id : studentIds) {
            int total = totals.getOrDefault(id, 0);
            if (total < settings.milestones().get(0)) {
                continue;
            }
            Set<Integer> recorded = milestones.findByStudentIdAndSchoolYearStart(id, start).stream()
                    .map(BehaviourMilestone::getPoints).collect(Collectors.toSet());
            for (int m : settings.milestones()) {
                if (total >= m && !recorded.contains(m)) {
                    BehaviourMilestone milestone = milestones.save(new BehaviourMilestone(id, start, m, occurredAt));
                    caseStore.record(new NewEntry(id, EntryKind.BEHAVIOUR_LOG, milestone.getConfidentiality(), occurredAt, "system",
                            "Reached " + m + " achievement points this school year: certificate and letter home ready",
                            null, BehaviourProcess.SOURCE_MILESTONE, milestone.getId()));
                    reached++;
                }
            }
        }
        return reached;
    }

    public List<BehaviourMilestone> of(Long studentId) {
        return milestones.findByStudentIdOrderByReachedAtDesc(studentId);
    }
}
