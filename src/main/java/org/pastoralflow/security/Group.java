package org.pastoralflow.security;

import java.util.Arrays;
import java.util.Optional;

/** The candidate groups of the domain. The id is the Camunda group id and the Spring role name. */
public enum Group {
    STAFF("staff", "Staff"),
    PSO("pso", "Pastoral Support Officers"),
    HOY("hoy", "Heads of Year"),
    SENCO("senco", "SENCO"),
    DSL("dsl", "Designated Safeguarding Leads"),
    PASTORAL_LEAD("pastoral-lead", "Pastoral Lead"),
    SLT("slt", "Headteacher and SLT"),
    ADMIN("admin", "Administrators");

    private final String id;
    private final String label;

    Group(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + id;
    }

    public static Optional<Group> byId(String id) {
        return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
    }

    /** Groups that work with students' case files (everyone except plain staff and administrators). */
    public static final String[] CASEWORKERS = {"pso", "hoy", "senco", "dsl", "pastoral-lead", "slt"};
}
