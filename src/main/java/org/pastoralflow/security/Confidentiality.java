package org.pastoralflow.security;

import java.util.Set;

import org.pastoralflow.security.Viewer;

/**
 * Who may read a chronology entry. Safeguarding records are for the DSL group only
 * (KCSIE 2025: child protection files are kept separately, with access on a need-to-know basis).
 */
public enum Confidentiality {
    PASTORAL(Set.of("pso", "hoy", "senco", "dsl", "pastoral-lead", "slt")),
    SEND(Set.of("senco", "dsl", "pastoral-lead", "hoy")),
    SAFEGUARDING(Set.of("dsl"));

    private final Set<String> readers;

    Confidentiality(Set<String> readers) {
        this.readers = readers;
    }

    /** Whether the viewer's groups read this level. Only {@link AccessPolicy} asks: features ask the policy. */
    boolean visibleTo(Viewer viewer) {
        return viewer.groups().stream().anyMatch(readers::contains);
    }

    Set<String> readers() {
        return readers;
    }

    public String label() {
        return name().toLowerCase();
    }

    /** What a concern becomes once routed: the reviewer's group decides who may read it. */
    public static Confidentiality forGroup(String group) {
        return switch (group) {
            case "dsl" -> SAFEGUARDING;
            case "senco" -> SEND;
            default -> PASTORAL;
        };
    }
}
