package org.pastoralflow.homevisit;

import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * When home-visit.bpmn's alerts fall, from the expected return and the school's settings:
 * {@code ${homeVisitTimes.overdueAt(expectedBack)}} and {@code ${homeVisitTimes.alertAgainAt(expectedBack)}}.
 * Computed when the timers are made, so a change of the settings applies to visits planned after it.
 */
@Component("homeVisitTimes")
public class HomeVisitTimes {

    private final HomeVisitSettings settings;

    HomeVisitTimes(HomeVisitSettings settings) {
        this.settings = settings;
    }

    public Date overdueAt(Date expectedBack) {
        return Date.from(expectedBack.toInstant().plus(settings.grace()));
    }

    public Date alertAgainAt(Date expectedBack) {
        return Date.from(expectedBack.toInstant().plus(settings.grace()).plus(settings.furtherWait()));
    }
}
