package org.pastoralflow.settings;

import java.util.Collection;
import java.util.Map;

/**
 * A feature whose records keep the codes of a list setting (a behaviour log keeps its category's
 * code) says which of them are in use, so the settings page refuses to take such a code out of the
 * list: the records would lose their label. Implemented by the feature; the settings package knows
 * no feature.
 */
public interface CodesInUse {

    /** The catalogue key of the list setting ({@code behaviour.categories}). */
    String setting();

    /** Of these codes, those in use, with how many records use each. */
    Map<String, Long> inUse(Collection<String> codes);
}
