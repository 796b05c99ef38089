package org.pastoralflow.attendance;

import java.util.Locale;
import java.util.Map;

import org.pastoralflow.letters.LetterFigures;
import org.springframework.stereotype.Component;

/** The student's attendance this school year for a letter home ({{attendance.percentage}}). */
@Component
class AttendanceLetterFigures implements LetterFigures {

    private final AttendanceService attendance;

    AttendanceLetterFigures(AttendanceService attendance) {
        this.attendance = attendance;
    }

    @Override
    public Map<String, String> figures(Long studentId) {
        Figures f = attendance.latest(studentId);
        // no sessions imported yet: "100%" would be a figure the school does not have
        return Map.of("attendance.percentage", f.possible() == 0 ? "not yet recorded" : String.format(Locale.UK, "%.1f%%", f.percent()));
    }
}
