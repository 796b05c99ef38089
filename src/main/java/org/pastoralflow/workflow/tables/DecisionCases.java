package org.pastoralflow.workflow.tables;

import java.util.List;
import java.util.Map;

/**
 * The latest real cases a decision table decided, as the table saw them, so the editor can count where they went
 * and where an edited table would send them. A feature that owns the cases implements it (the referral feature
 * for {@code referral-routing}); the ground floor knows none of them (ADR 0024's pattern). Only the inputs the
 * table reads: no names, no case text. The editor shows counts only.
 */
public interface DecisionCases {

    /** The decision key whose cases these are. */
    String decisionKey();

    /** The inputs of the latest {@code n} cases, newest first, by input variable name. */
    List<Map<String, Object>> latest(int n);
}
