package org.pastoralflow.security;

import org.pastoralflow.security.YearGroupScope;

/**
 * A PSO or Head of Year asked for the file of a student outside their year groups. Unlike a record
 * they may not read (404), the student's existence is no secret to staff, so the answer says why.
 */
public class OutsideYearGroupsException extends RuntimeException {

    public OutsideYearGroupsException(YearGroupScope.Scope scope) {
        super("This student is not in your year groups (" + scope.describe() + "). A Head of Year of their year, "
                + "the Pastoral Lead or a DSL can open their file.");
    }
}
