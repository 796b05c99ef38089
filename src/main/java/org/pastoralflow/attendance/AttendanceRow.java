package org.pastoralflow.attendance;

import java.time.LocalDate;

/** One valid row of the MIS weekly attendance export. */
record AttendanceRow(String upn, LocalDate week, int possible, int attended, int authorised, int unauthorised, int late, int lateAfterClose) {
}
