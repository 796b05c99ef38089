package org.pastoralflow.student;

import java.time.LocalDate;

/** One valid row of the MIS students export. */
public record StudentRow(String upn, String legalSurname, String legalForename, String preferredForename,
                         LocalDate dateOfBirth, String gender, int yearGroup, String regGroup, String senStatus,
                         boolean ehcp, boolean fsm, boolean eal, boolean inCare, boolean youngCarer) {
}
