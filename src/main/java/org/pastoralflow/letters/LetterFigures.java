package org.pastoralflow.letters;

import java.util.Map;

/**
 * A workflow's figures for a letter about a student (attendance's percentage, say), by merge field
 * key. Implemented in the feature that owns the figures, so this package depends on none of them;
 * a key must be in {@link MergeFields#FIELDS}.
 */
public interface LetterFigures {

    Map<String, String> figures(Long studentId);
}
