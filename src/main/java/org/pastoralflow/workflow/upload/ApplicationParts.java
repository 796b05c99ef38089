package org.pastoralflow.workflow.upload;

import java.util.Set;
import java.util.function.Predicate;

/**
 * What the application has that a model may use: the task forms (form keys, {@code app:…}), the beans (any name
 * an expression could reach), the delegates (beans a service task may call), the processes it starts (by key) and
 * the decision tables deployed (by key). Read from the running application by {@link ApplicationChecks}; made up
 * in a unit test.
 */
public record ApplicationParts(Set<String> formKeys, Predicate<String> isBean, Predicate<String> isDelegate,
                               Set<String> processKeys, Set<String> decisionKeys) {
}
