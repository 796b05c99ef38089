package org.pastoralflow.oncall;

import java.time.ZonedDateTime;
import java.util.List;

import java.time.Clock;
import org.pastoralflow.security.StaffDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who answers a call now, used by the model as {@code ${oncallDuty.onDutyNow()}}: the PSOs on
 * the duty rota at this moment, or every PSO when nobody is on the rota (a call is never
 * offered to nobody).
 */
@Component("oncallDuty")
public class OncallDuty {

    private final DutyRotaRepository rota;
    private final StaffDirectory directory;
    private final Clock clock;
    private final String escalateAfter;

    OncallDuty(DutyRotaRepository rota, StaffDirectory directory, Clock clock,
               @Value("${pastoral.oncall.escalate-after:PT5M}") String escalateAfter) {
        this.rota = rota;
        this.directory = directory;
        this.clock = clock;
        this.escalateAfter = escalateAfter;
    }

    public List<String> onDutyNow() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<String> onDuty = rota.findAll().stream()
                .filter(s -> s.covers(now.getDayOfWeek(), now.toLocalTime()))
                .map(DutySlot::getUserId).distinct().toList();
        return onDuty.isEmpty() ? directory.membersOf("pso") : onDuty;
    }

    /** An ISO-8601 duration; unclaimed calls escalate to SLT after it. */
    public String escalateAfter() {
        return escalateAfter;
    }
}
