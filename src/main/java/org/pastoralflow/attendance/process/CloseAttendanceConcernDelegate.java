package org.pastoralflow.attendance.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.attendance.AttendanceProcess;
import org.pastoralflow.attendance.AttendanceService;
import org.springframework.stereotype.Component;

/** "Close the concern with the figures", once the PSO's work and any DSL review are done. */
@Component("closeAttendanceConcern")
public class CloseAttendanceConcernDelegate implements JavaDelegate {

    private final AttendanceService attendance;

    public CloseAttendanceConcernDelegate(AttendanceService attendance) {
        this.attendance = attendance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        attendance.closeWhenDone((Long) execution.getVariable(AttendanceProcess.CONCERN_ID),
                Boolean.TRUE.equals(execution.getVariable(AttendanceProcess.IMPROVED)));
    }
}
