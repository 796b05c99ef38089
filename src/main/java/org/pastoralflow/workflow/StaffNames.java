package org.pastoralflow.workflow;

import org.pastoralflow.security.StaffDirectory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Staff members' names by user id, for pages that say who did something ({@code @people.name(id)}
 * in a template): people read "Hana Head-of-Year", not "hoy". A page with many rows asks the
 * identity tables once per person; names are kept a few minutes, so a rename in Camunda Admin
 * shows soon after. How long a name is kept is measured in real elapsed time (nanoTime), not by the
 * application's clock: a test that moves the clock a month on should not keep a stale name for a month.
 */
@Component("people")
public class StaffNames {

    static final Duration KEEP = Duration.ofMinutes(5);

    private record Known(String name, long untilNanos) {
    }

    private final StaffDirectory directory;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public StaffNames(StaffDirectory directory) {
        this.directory = directory;
    }

    /** The person's name, or the id itself for someone no longer in the directory; empty for nobody. */
    public String name(String userId) {
        if (userId == null || userId.isBlank()) {
            return "";
        }
        long now = System.nanoTime();
        Known k = known.get(userId);
        if (k == null || k.untilNanos() - now < 0) {
            k = new Known(directory.displayName(userId), now + KEEP.toNanos());
            known.put(userId, k);
        }
        return k.name();
    }
}
