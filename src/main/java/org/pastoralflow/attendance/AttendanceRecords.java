package org.pastoralflow.attendance;

import java.util.List;

import org.pastoralflow.security.ConfidentialRecords;
import org.springframework.stereotype.Component;

/** What this feature keeps about students, and who may read it (docs/security.md, "The confidentiality model"). */
@Component
class AttendanceRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind("Weekly attendance", List.of("attendance_week"), "pastoral"),
                new Kind("Attendance concern", List.of("attendance_concern"),
                        "pastoral; a ten-day absence alert (possibly missing education) is safeguarding", AttendanceProcess.KEY));
    }
}
