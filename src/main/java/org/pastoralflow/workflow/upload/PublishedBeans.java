package org.pastoralflow.workflow.upload;

import java.util.Map;
import java.util.Set;

/**
 * The application's beans a model may call in an expression, and the methods of each it may call: the ones the
 * shipped models use. Each computes a date, a duration, a list of ids or of groups from the case store and
 * changes nothing. Any other bean is out of a model's reach, because an expression that names a bean runs it with
 * the engine's rights: {@code ${caseStore.everythingAbout(1)}} would read every record (ADR 0029).
 * <p>
 * A new bean a model needs is added here, in the same change as the model, and must be as harmless: it reads
 * what the process needs and writes nothing. {@code ProcessModelsTest} checks every shipped model against this
 * list, and that every bean and method named here exists.
 */
public final class PublishedBeans {

    /** By bean name: the methods a model may call on it. */
    public static final Map<String, Set<String>> METHODS = Map.ofEntries(
            Map.entry("deadlines", Set.of("fromNow", "endOfDayFromNow", "after")),
            Map.entry("transitionDates", Set.of("interviewsDue", "settlingInDue", "cpFileDue", "rightStartDue", "firstSeptember")),
            Map.entry("ehcpReviewTimes", Set.of("reportBy", "invitationsBy", "decisionBy", "adviceBy", "meetingDay", "arrangeFrom",
                    "arrangeBy", "decisionChases")),
            Map.entry("mediationParties", Set.of("studentsOf")),
            Map.entry("investigationParties", Set.of("studentsOf", "senProposedForSuspension")),
            Map.entry("agencyMeetingTimes", Set.of("chaseAt", "nextMeeting", "actionGroups", "actionDue")),
            Map.entry("reportCardTimes", Set.of("nextReview", "nextEndOfDay", "end")),
            Map.entry("homeVisitTimes", Set.of("overdueAt", "alertAgainAt")),
            Map.entry("oncallDuty", Set.of("onDutyNow", "escalateAfter")));

    /**
     * Methods an expression may call on a value (a process variable, or what a published method returned):
     * questions about a list or a text. Nothing that reaches a class, a class loader or another object's methods.
     */
    public static final Set<String> VALUE_METHODS = Set.of("isEmpty", "size", "contains");

    private PublishedBeans() {
    }

    public static boolean isPublished(String bean) {
        return METHODS.containsKey(bean);
    }
}
