package org.pastoralflow.casefile;

/** The entry does not exist or is not for the viewer; both answer 404 so ids cannot be probed. */
public class EntryNotFoundException extends RuntimeException {

    public EntryNotFoundException(Long id) {
        super("No chronology entry " + id + " that you may see.");
    }
}
