package org.pastoralflow.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the application, in the school's time zone ({@code pastoral.zone}): every "now"
 * the application takes comes from here (an injected {@link Clock}). It reads the engine's clock, so
 * the application's "today" and the engine's timers agree, and a test that moves the engine's clock
 * (a process test, a run set at 00:30 or on a Saturday) moves the whole application with it.
 */
public final class SchoolClock extends Clock {

    private final ZoneId zone;

    public SchoolClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new SchoolClock(other);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
