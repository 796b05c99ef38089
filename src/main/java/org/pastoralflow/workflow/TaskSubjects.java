package org.pastoralflow.workflow;

import java.util.Map;
import java.util.Set;

/**
 * Names who a task is about when its process has no student with a case file yet, e.g. a child
 * joining Year 7 in September, so the inbox can say "Mia Brown, joining from Oakfield Primary"
 * rather than only a reference. A feature implements it for its own process key.
 */
public interface TaskSubjects {

    record Subject(String name, String detail) {
    }

    String processKey();

    /** By reference (the business key); references it does not know are left out. */
    Map<String, Subject> describe(Set<String> references);
}
