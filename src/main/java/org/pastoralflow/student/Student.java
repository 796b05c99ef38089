package org.pastoralflow.student;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A student as the school's MIS knows them. Loaded by import, never typed in twice. */
@Entity
public class Student {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "student_seq")
    @SequenceGenerator(name = "student_seq", sequenceName = "student_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, length = 13)
    private String upn;
    private String legalSurname;
    private String legalForename;
    private String preferredForename;
    private LocalDate dateOfBirth;
    private String gender;
    private int yearGroup;
    private String regGroup;
    private String senStatus;
    private boolean ehcp;
    private boolean fsm;
    private boolean eal;
    private boolean inCare;
    private boolean youngCarer;
    private boolean cpPlan;
    private String feederSchool;
    private Instant importedAt;

    protected Student() {
    }

    public Student(String upn) {
        this.upn = upn;
    }

    /** Copies everything the MIS export says; the UPN identifies the student and never changes. */
    public void updateFrom(StudentRow row, Instant at) {
        this.legalSurname = row.legalSurname();
        this.legalForename = row.legalForename();
        this.preferredForename = row.preferredForename();
        this.dateOfBirth = row.dateOfBirth();
        this.gender = row.gender();
        this.yearGroup = row.yearGroup();
        this.regGroup = row.regGroup();
        this.senStatus = row.senStatus();
        this.ehcp = row.ehcp();
        this.fsm = row.fsm();
        this.eal = row.eal();
        this.inCare = row.inCare();
        this.youngCarer = row.youngCarer();
        this.importedAt = at;
    }

    /**
     * Joined the school through the Year 6 to Year 7 transition: where they came from, and whether
     * the allocation list said they had a child protection plan (shown to the DSL group only).
     */
    public void joinedFrom(String feederSchool, boolean cpPlan) {
        this.feederSchool = feederSchool;
        this.cpPlan = cpPlan;
    }

    public String displayName() {
        String first = preferredForename == null || preferredForename.isBlank() ? legalForename : preferredForename;
        return first + " " + legalSurname;
    }

    public String yearAndGroup() {
        return "Year " + yearGroup + (regGroup == null ? "" : " · " + regGroup);
    }

    public Long getId() {
        return id;
    }

    public String getUpn() {
        return upn;
    }

    public String getLegalSurname() {
        return legalSurname;
    }

    public String getLegalForename() {
        return legalForename;
    }

    public String getPreferredForename() {
        return preferredForename;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public String getGender() {
        return gender;
    }

    public int getYearGroup() {
        return yearGroup;
    }

    public String getRegGroup() {
        return regGroup;
    }

    public String getSenStatus() {
        return senStatus;
    }

    public boolean isEhcp() {
        return ehcp;
    }

    public boolean isFsm() {
        return fsm;
    }

    public boolean isEal() {
        return eal;
    }

    public boolean isInCare() {
        return inCare;
    }

    public boolean isYoungCarer() {
        return youngCarer;
    }

    public boolean isCpPlan() {
        return cpPlan;
    }

    public String getFeederSchool() {
        return feederSchool;
    }

    public Instant getImportedAt() {
        return importedAt;
    }
}
