package org.pastoralflow.services;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/**
 * A local service a family can be signposted to: what it is for, which ages, how to refer and whom
 * to contact. About a service, never a child. Never deleted (a referral may name it): withdrawn.
 */
@Entity
public class LocalService {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "local_service_seq")
    @SequenceGenerator(name = "local_service_seq", sequenceName = "local_service_seq", allocationSize = 50)
    private Long id;
    private String name;
    private String purpose;
    private int ageFrom;
    private int ageTo;
    private String howToRefer;
    private String contact;
    private boolean active;
    private String updatedBy;
    private Instant updatedAt;

    protected LocalService() {
    }

    LocalService(Details d, String by, Instant at) {
        change(d, by, at);
    }

    void change(Details d, String by, Instant at) {
        this.name = d.name();
        this.purpose = d.purpose();
        this.ageFrom = d.ageFrom();
        this.ageTo = d.ageTo();
        this.howToRefer = d.howToRefer();
        this.contact = d.contact();
        this.active = d.active();
        this.updatedBy = by;
        this.updatedAt = at;
    }

    /** What the Pastoral Lead types about a service. */
    record Details(String name, String purpose, int ageFrom, int ageTo, String howToRefer, String contact, boolean active) {
    }

    /** "11 to 16": for the directory and for a letter to the family. */
    public String ages() {
        return ageFrom + " to " + ageTo;
    }

    /**
     * The service as a letter to the family will quote it: its name, what it is for, how to get in
     * touch. The letter itself is another part of issue 16; this is what it merges.
     */
    public String forLetter() {
        return name + "\n" + purpose + "\nAges " + ages() + "\nHow to get help: " + howToRefer + "\nContact: " + contact;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getPurpose() {
        return purpose;
    }

    public int getAgeFrom() {
        return ageFrom;
    }

    public int getAgeTo() {
        return ageTo;
    }

    public String getHowToRefer() {
        return howToRefer;
    }

    public String getContact() {
        return contact;
    }

    public boolean isActive() {
        return active;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
