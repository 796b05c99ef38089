package org.pastoralflow.workflow.upload;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Expression;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;

/**
 * A timer's date, duration or cycle, read the way the engine reads it when the timer is created (a timer the
 * engine cannot read fails only when a case reaches it, long after the upload). An expression is left to the
 * {@link ExpressionRules}: its value is known only then.
 */
final class Timers {

    private Timers() {
    }

    static void check(TimerEventDefinition timer, List<Finding> found) {
        BaseElement event = timer.getParentElement() instanceof BaseElement b ? b : timer;
        String name = event.getAttributeValue("name");
        List<String> times = new ArrayList<>();
        read(timer.getTimeDate(), "date", event, name, found, times);
        read(timer.getTimeDuration(), "duration", event, name, found, times);
        read(timer.getTimeCycle(), "cycle", event, name, found, times);
        if (times.isEmpty()) {
            found.add(Finding.refusal(event.getId(), name, "is a timer with no time: give it a date, a duration or a cycle"));
        }
    }

    private static void read(Expression time, String kind, BaseElement event, String name, List<Finding> found, List<String> times) {
        if (time == null || time.getTextContent() == null || time.getTextContent().isBlank()) {
            return;
        }
        String text = time.getTextContent().strip();
        times.add(text);
        if (ExpressionRules.hasExpression(text)) {
            return;
        }
        try {
            switch (kind) {
                case "date" -> new DueDateBusinessCalendar().resolveDuedate(text);
                case "duration" -> new DurationHelper(text).getDateAfter();
                default -> new CycleBusinessCalendar().resolveDuedate(text);
            }
        } catch (Exception e) {
            found.add(Finding.refusal(event.getId(), name, "has the timer " + kind + " \u201c" + text + "\u201d, which the engine "
                    + "cannot read (ISO 8601, for example PT2H, P3D, 2026-09-01T09:00:00 or R3/PT1H; a cycle may also be a cron "
                    + "expression)"));
        }
    }
}
