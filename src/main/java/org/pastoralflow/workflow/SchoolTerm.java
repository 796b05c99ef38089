package org.pastoralflow.workflow;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A term: students are in school on its weekdays, except on closures. */
@Entity
public class SchoolTerm {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "school_term_seq")
    @SequenceGenerator(name = "school_term_seq", sequenceName = "school_term_seq", allocationSize = 50)
    private Long id;
    private String name;
    private LocalDate startsOn;
    private LocalDate endsOn;

    protected SchoolTerm() {
    }

    public SchoolTerm(String name, LocalDate startsOn, LocalDate endsOn) {
        this.name = name;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }
}
