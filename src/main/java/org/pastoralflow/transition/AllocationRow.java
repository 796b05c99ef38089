package org.pastoralflow.transition;

import java.time.LocalDate;

/** One valid row of the admissions allocation list. */
public record AllocationRow(String upn, String legalSurname, String legalForename, LocalDate dateOfBirth, String gender,
                            String feederSchool, String feederUrn, String senStatus, boolean ehcp, boolean inCare,
                            boolean cpPlan, String parentName, String parentPhone, String parentEmail) {
}
