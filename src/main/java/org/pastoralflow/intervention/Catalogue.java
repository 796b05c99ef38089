package org.pastoralflow.intervention;

import org.pastoralflow.measure.Measures;
import org.pastoralflow.measure.Scale;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pastoralflow.forms.FormData;
import org.pastoralflow.security.Group;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school's intervention catalogue and the scales it measures on. The Pastoral Lead and the SENCO
 * keep it; every caseworker reads it (it holds nothing about a student).
 */
@Service
public class Catalogue {

    private final InterventionRepository interventions;
    private final Measures measures;

    Catalogue(InterventionRepository interventions, Measures measures) {
        this.interventions = interventions;
        this.measures = measures;
    }

    public Measures measures() {
        return measures;
    }

    public List<Intervention> all() {
        return interventions.findAllByOrderByNameAsc();
    }

    public List<Intervention> active() {
        return all().stream().filter(Intervention::isActive).toList();
    }

    public Map<Long, Intervention> byId() {
        return all().stream().collect(Collectors.toMap(Intervention::getId, Function.identity()));
    }

    /** By code, as support plans name them. */
    public Map<String, Intervention> byCode() {
        return all().stream().collect(Collectors.toMap(Intervention::getCode, Function.identity()));
    }

    public Intervention get(Long id) {
        return interventions.findById(id).orElseThrow(() -> new NotFoundException("Nothing was found there."));
    }

    public Scale scaleOf(Intervention i) {
        return measures.scaleOrPlan(i.getScale());
    }

    public static boolean mayEdit(Viewer viewer) {
        return viewer.inAny(Group.PASTORAL_LEAD, Group.SENCO);
    }

    /** Adds an entry, or changes the one with this code. Every field is checked before anything is written. */
    @Transactional
    public Intervention save(FormData data, Viewer viewer) {
        if (!mayEdit(viewer)) {
            throw new NotFoundException("Nothing was found there.");
        }
        String typed = data.optional("code");
        String name = data.text("name", "Name", 120, true);
        // a new entry's code may be left for the name to make ("Lego therapy" → lego-therapy)
        String code = typed != null || name == null ? typed : codeFrom(name);
        if (code != null && !code.matches("[a-z0-9-]{1,40}")) {
            data.reject(typed != null ? "code" : "name", typed != null
                    ? "Code must be 1 to 40 lower-case letters, digits or hyphens, like anger-management."
                    : "Give a code: this name makes none (use letters or digits).");
        }
        String kind = data.oneOf("kind", "Kind", List.of(Intervention.ONE, Intervention.GROUP));
        Integer minutes = data.integer("sessionMinutes", "Session length (minutes)", 5, 480, true);
        Integer sessions = data.integer("typicalSessions", "Typical number of sessions", 1, 100, true);
        String staff = data.text("staff", "Staff", 200, false);
        Integer pence = pence(data, "cost", "Cost (£)");
        String per = data.oneOf("costPer", "Cost per", List.of(Intervention.PER_SESSION, Intervention.PER_HOUR));
        String scale = data.oneOf("scale", "Measure", measures.codes());
        boolean active = !data.flag("retired");
        data.throwIfInvalid();
        Intervention entry = Optional.ofNullable(code).flatMap(interventions::findByCode).orElseGet(() -> new Intervention(code));
        entry.update(name, kind, minutes, sessions, staff, pence, per, scale, active);
        return interventions.save(entry);
    }

    static String codeFrom(String name) {
        String code = name.toLowerCase(java.util.Locale.UK).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        code = code.length() > 40 ? code.substring(0, 40).replaceAll("-+$", "") : code;
        return code;
    }

    /** Pounds and pence as typed ("45", "12.50") to pence; refused on the field when it is not a sum of money. */
    static Integer pence(FormData data, String field, String label) {
        String v = data.required(field, label);
        if (v == null) {
            return null;
        }
        if (!v.matches("\\d{1,5}(\\.\\d{1,2})?")) {
            data.reject(field, label + " must be an amount in pounds like 45 or 12.50 (at most 99999.99).");
            return null;
        }
        return new BigDecimal(v).movePointRight(2).intValueExact();
    }
}
