package org.pastoralflow.workflow;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** Days inside a term when students are not in: half-term, INSET, bank holiday. */
@Entity
public class SchoolClosure {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "school_closure_seq")
    @SequenceGenerator(name = "school_closure_seq", sequenceName = "school_closure_seq", allocationSize = 50)
    private Long id;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private String kind;
    private String description;

    protected SchoolClosure() {
    }

    public SchoolClosure(LocalDate startsOn, LocalDate endsOn, String kind, String description) {
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.kind = kind;
        this.description = description;
    }

    public Long getId() {
        return id;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public String getKind() {
        return kind;
    }

    public String getDescription() {
        return description;
    }
}
