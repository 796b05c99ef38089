package org.pastoralflow.letters;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A template's number, which its versions ({@link TemplateVersion}) share; what it says is in them. */
@Entity
@Table(name = "letter_template")
class LetterTemplate {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "letter_template_seq")
    @SequenceGenerator(name = "letter_template_seq", sequenceName = "letter_template_seq", allocationSize = 50)
    private Long id;
    private Instant createdAt;

    protected LetterTemplate() {
    }

    LetterTemplate(Instant createdAt) {
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }
}
