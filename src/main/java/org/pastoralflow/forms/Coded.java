package org.pastoralflow.forms;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A value a person picks from a list: the code a form sends and a record stores, and the words the
 * person reads. An enum of such values implements this and gets its list and its look-up here, not
 * a copy of its own.
 */
public interface Coded {

    String code();

    String label();

    /** Every value's code and label, in the order the enum declares them: the options of a radio list or select. */
    static <E extends Enum<E> & Coded> Map<String, String> options(Class<E> type) {
        Map<String, String> options = new LinkedHashMap<>();
        Arrays.stream(type.getEnumConstants()).forEach(v -> options.put(v.code(), v.label()));
        return Collections.unmodifiableMap(options);
    }

    /** The value with this code; a code no value has is a mistake in the caller (a form checks against {@link #options} first). */
    static <E extends Enum<E> & Coded> E of(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(v -> v.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No " + type.getSimpleName() + " with the code " + code));
    }

    /** The label of a code, or the code itself when no value has it (an old record's code, say), so a page still shows something. */
    static <E extends Enum<E> & Coded> String labelOf(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(v -> v.code().equals(code)).map(Coded::label).findFirst().orElse(code);
    }
}
