package org.pastoralflow.casefile;

import org.pastoralflow.security.Confidentiality;

/**
 * Records a feature keeps about a student at one confidentiality, which the retention review may
 * destroy once they are past their retention date. Beans run in {@code @Order}: records that
 * point at others are destroyed first.
 */
public interface RetainedRecords {

    /** What is destroyed, in the words of the destruction log ("chronology entries"). */
    String describe();

    /** Destroys this student's records of that confidentiality and says how many there were. */
    int destroy(Long studentId, Confidentiality confidentiality);
}
