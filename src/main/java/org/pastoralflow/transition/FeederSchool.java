package org.pastoralflow.transition;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A primary school the incoming students come from, known by its DfE unique reference number (URN). */
@Entity
public class FeederSchool {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "feeder_school_seq")
    @SequenceGenerator(name = "feeder_school_seq", sequenceName = "feeder_school_seq", allocationSize = 50)
    private Long id;
    private String urn;
    private String name;
    private LocalDate lastRequestNotice;
    private LocalDate lastChaseNotice;

    protected FeederSchool() {
    }

    FeederSchool(String urn, String name) {
        this.urn = urn;
        this.name = name;
    }

    /** The latest allocation list names the school; admissions spell it as the DfE does. */
    void rename(String name) {
        this.name = name;
    }

    /** True the first time today: one e-mail per school per day, however many students are waiting. */
    boolean firstRequestNoticeOn(LocalDate day) {
        if (day.equals(lastRequestNotice)) {
            return false;
        }
        lastRequestNotice = day;
        return true;
    }

    boolean firstChaseNoticeOn(LocalDate day) {
        if (day.equals(lastChaseNotice)) {
            return false;
        }
        lastChaseNotice = day;
        return true;
    }

    public Long getId() {
        return id;
    }

    public String getUrn() {
        return urn;
    }

    public String getName() {
        return name;
    }
}
