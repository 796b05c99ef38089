package org.pastoralflow.family;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.pastoralflow.security.Classification;
import org.pastoralflow.security.Confidentiality;

/**
 * A parent or carer as the MIS contacts export gives them, in the MIS's priority order. Written only
 * by {@link ContactImporter} (in JDBC batches), so this class only reads; what a restriction stops is
 * {@link FamilyContacts}'s to say.
 */
@Entity
public class FamilyContact {

    public static final String RECORD_TYPE = "family-contact";

    @Id
    private Long id;
    private Long studentId;
    private int priority;
    private String surname;
    private String forename;
    private String relationship;
    private Boolean parentalResponsibility;
    private Boolean livesWithPupil;
    private String homePhone;
    private String mobilePhone;
    private String workPhone;
    private String email;
    private String addressLine1;
    private String addressLine2;
    private String town;
    private String postcode;
    private String restrictions;
    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;
    private Instant importedAt;

    protected FamilyContact() {
    }

    /** Pastoral, about one student: whoever may read the student's pastoral records may read their contacts. */
    public Classification classification() {
        return Classification.of(RECORD_TYPE, id, confidentiality, studentId);
    }

    public String name() {
        return forename == null ? surname : forename + " " + surname;
    }

    /** "Jo Smith (Mother)", as a contact log records whom it was with. */
    public String nameAndRelationship() {
        return name() + " (" + relationship + ")";
    }

    public List<String> restrictionCodes() {
        return restrictions == null || restrictions.isBlank() ? List.of() : Arrays.asList(restrictions.split(","));
    }

    /** The address on one line, or "" when the MIS gave none. */
    public String address() {
        return Stream.of(addressLine1, addressLine2, town, postcode).filter(p -> p != null && !p.isBlank())
                .collect(Collectors.joining(", "));
    }

    public List<String> phones() {
        return Stream.of(mobilePhone == null ? null : mobilePhone + " (mobile)", homePhone == null ? null : homePhone + " (home)",
                workPhone == null ? null : workPhone + " (work)").filter(p -> p != null).toList();
    }

    public Long getId() {
        return id;
    }

    public Long getStudentId() {
        return studentId;
    }

    public int getPriority() {
        return priority;
    }

    public String getSurname() {
        return surname;
    }

    public String getForename() {
        return forename;
    }

    public String getRelationship() {
        return relationship;
    }

    public Boolean getParentalResponsibility() {
        return parentalResponsibility;
    }

    public Boolean getLivesWithPupil() {
        return livesWithPupil;
    }

    public String getHomePhone() {
        return homePhone;
    }

    public String getMobilePhone() {
        return mobilePhone;
    }

    public String getWorkPhone() {
        return workPhone;
    }

    public String getEmail() {
        return email;
    }

    public String getPostcode() {
        return postcode;
    }

    public Confidentiality getConfidentiality() {
        return confidentiality;
    }

    public Instant getImportedAt() {
        return importedAt;
    }
}
