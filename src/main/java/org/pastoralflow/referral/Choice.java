package org.pastoralflow.referral;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One answer to a decision task: its code in the model, its words on the page, and the stage the
 * referral moves to. Who holds it next is the model's: referral-handover.dmn.
 */
record Choice(String code, String label, Stage next) {

    static Map<String, String> options(List<Choice> choices) {
        Map<String, String> options = new LinkedHashMap<>();
        choices.forEach(c -> options.put(c.code, c.label));
        return options;
    }

    static Choice of(List<Choice> choices, String code) {
        return choices.stream().filter(c -> c.code.equals(code)).findFirst().orElseThrow();
    }
}
