package org.pastoralflow.workflow;

/** The task is gone, belongs to someone else, or is not for the viewer's groups. */
public class TaskUnavailableException extends RuntimeException {

    public enum Reason { NOT_FOUND, TAKEN }

    private final Reason reason;

    public TaskUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
