package org.pastoralflow.workflow;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Runs the timers a process instance waits on now, as if their time had come. Only the demo uses it:
 * it plays a term forward (a support plan reaches its six-week review) without waiting for the weeks
 * to pass. The application's own timers are run by the job executor when they are due.
 */
@Component
public class ProcessTimers {

    private final ManagementService management;

    ProcessTimers(ManagementService management) {
        this.management = management;
    }

    /** Runs every timer the instance waits on; returns how many ran. */
    public int runNow(String processInstanceId) {
        List<Job> timers = management.createJobQuery().processInstanceId(processInstanceId).timers().list();
        timers.forEach(t -> management.executeJob(t.getId()));
        return timers.size();
    }
}
