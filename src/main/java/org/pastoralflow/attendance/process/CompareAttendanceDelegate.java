package org.pastoralflow.attendance.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.attendance.AttendanceProcess;
import org.pastoralflow.attendance.AttendanceService;
import org.springframework.stereotype.Component;

/** "Compare attendance with the start". */
@Component("compareAttendance")
public class CompareAttendanceDelegate implements JavaDelegate {

    private final AttendanceService attendance;

    public CompareAttendanceDelegate(AttendanceService attendance) {
        this.attendance = attendance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(AttendanceProcess.IMPROVED,
                attendance.improved((Long) execution.getVariable(AttendanceProcess.CONCERN_ID)));
    }
}
