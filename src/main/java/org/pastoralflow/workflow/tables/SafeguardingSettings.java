package org.pastoralflow.workflow.tables;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The decision tables that route safeguarding work ({@code pastoral.workflows.safeguarding-tables}), declared as
 * data: per decision key, which inputs with which values make a case safeguarding work, the output that says who
 * gets it and the value it must always be. KCSIE 2025 Part one: every concern about a child's welfare that may be
 * safeguarding goes to the designated safeguarding lead; a school may change its routing, never that.
 *
 * @param safeguardingTables by decision key
 */
@ConfigurationProperties("pastoral.workflows")
public record SafeguardingSettings(Map<String, Declared> safeguardingTables) {

    public SafeguardingSettings {
        safeguardingTables = safeguardingTables == null ? Map.of() : Map.copyOf(safeguardingTables);
    }

    /**
     * @param safeguardingWhen input variable → the values that make a case safeguarding work (as text: "true", "safeguarding")
     * @param output           the output naming who gets it
     * @param mustBe           what that output must be for every such case
     * @param wholeNumbers     the values tried for a whole-number input with no allowed values (the year groups)
     */
    public record Declared(Map<String, List<String>> safeguardingWhen, String output, String mustBe, List<Integer> wholeNumbers) {

        public Declared {
            if (safeguardingWhen == null || safeguardingWhen.isEmpty() || output == null || mustBe == null) {
                throw new IllegalArgumentException("pastoral.workflows.safeguarding-tables: each table needs safeguarding-when, output and must-be");
            }
            wholeNumbers = wholeNumbers == null || wholeNumbers.isEmpty() ? List.of(7, 8, 9, 10, 11, 12, 13) : List.copyOf(wholeNumbers);
        }
    }
}
