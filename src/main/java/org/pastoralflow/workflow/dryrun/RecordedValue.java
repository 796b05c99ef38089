package org.pastoralflow.workflow.dryrun;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A process variable or an expression bean's answer as a recorded path keeps it: its type named, so that a
 * replay gives the engine a {@code Date} where the test gave a date and a {@code Long} where it gave a long
 * (JSON alone would turn both into numbers or strings). Process variables are few and primitive by the house
 * rules; these are the types they and the published expression beans use.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordedValue(String type, String value, List<RecordedValue> items) {

    private static final Map<Class<?>, String> TYPES = Map.of(String.class, "string", Boolean.class, "boolean",
            Integer.class, "integer", Long.class, "long", Short.class, "short", Double.class, "double",
            Date.class, "date", java.sql.Timestamp.class, "date", LocalDate.class, "local-date");

    public static RecordedValue of(Object o) {
        if (o == null) {
            return new RecordedValue("null", null, null);
        }
        if (o instanceof Collection<?> c) {
            List<RecordedValue> items = new ArrayList<>();
            c.forEach(i -> items.add(of(i)));
            return new RecordedValue("list", null, items);
        }
        String type = TYPES.get(o.getClass());
        if (type == null) {
            throw new IllegalArgumentException("a recorded path keeps only primitive values, lists of them and dates; not "
                    + o.getClass().getName());
        }
        String text = o instanceof Date d ? d.toInstant().toString() : o.toString();
        return new RecordedValue(type, text, null);
    }

    public Object toJava() {
        return switch (type) {
            case "null" -> null;
            case "list" -> items.stream().map(RecordedValue::toJava).toList();
            case "string" -> value;
            case "boolean" -> Boolean.valueOf(value);
            case "integer" -> Integer.valueOf(value);
            case "long" -> Long.valueOf(value);
            case "short" -> Short.valueOf(value);
            case "double" -> Double.valueOf(value);
            case "date" -> Date.from(Instant.parse(value));
            case "local-date" -> LocalDate.parse(value);
            default -> throw new IllegalArgumentException("unknown recorded type " + type);
        };
    }
}
