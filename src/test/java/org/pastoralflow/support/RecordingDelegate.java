package org.pastoralflow.support;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Stands in for a service task's delegate in a process test and remembers each call. */
public class RecordingDelegate implements JavaDelegate {

    private final List<String> calls = new ArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
        calls.add(execution.getCurrentActivityId());
    }

    public int calls() {
        return calls.size();
    }
}
