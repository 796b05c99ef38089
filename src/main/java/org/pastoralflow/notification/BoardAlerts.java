package org.pastoralflow.notification;

import java.time.Instant;
import java.util.List;

import org.pastoralflow.security.Viewer;

/**
 * Something besides a call for help that the on-call board shows while it lasts (a home visit
 * nobody has checked in from). On the ground floor so that a feature offers the board its alerts
 * without the board's package knowing the feature: the board asks every bean of this kind.
 */
public interface BoardAlerts {

    /**
     * One alert as the viewer may see it: what it is, what to do, the page about it (null when the
     * viewer may not read that record), and since when. Text only, never a child's name unless the
     * viewer may read the record it comes from.
     */
    record Alert(String title, String detail, String link, Instant since) {
    }

    List<Alert> alertsFor(Viewer viewer);
}
