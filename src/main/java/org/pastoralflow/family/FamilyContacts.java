package org.pastoralflow.family;

import java.util.List;
import java.util.Optional;

import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Viewer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A student's parents and carers, and the one rule of whom the school may contact
 * (docs/adr/0023-contact-restrictions-in-one-service.md). Every
 * feature that sends, offers or prints anything to a contact (the contact log here; letters and home
 * visits later) asks {@link #contactable}, {@link #mayContact} or {@link #disclosableAddress}: none
 * reads {@code family_contact} or the restriction codes itself.
 */
@Service
@EnableConfigurationProperties(FamilySettings.class)
public class FamilyContacts {

    /** A contact as a page shows them: the restrictions by name, and what they stop. */
    public record ContactCard(FamilyContact contact, List<String> restrictions, boolean mayContact, boolean addressWithheld) {

        public boolean restricted() {
            return !restrictions.isEmpty();
        }
    }

    private final FamilyContactRepository contacts;
    private final AccessPolicy policy;
    private final FamilySettings settings;

    FamilyContacts(FamilyContactRepository contacts, AccessPolicy policy, FamilySettings settings) {
        this.contacts = contacts;
        this.policy = policy;
        this.settings = settings;
    }

    /** Every contact of the student in the MIS's priority order, restricted ones included and marked, as the viewer may read them. */
    @Transactional(readOnly = true)
    public List<ContactCard> of(Long studentId, Viewer viewer) {
        return policy.readable(viewer, contacts.findByStudentIdOrderByPriorityAscIdAsc(studentId), FamilyContact::classification)
                .stream().map(this::card).toList();
    }

    /**
     * The contacts the school may contact about the student, in priority order: never one with a
     * no-contact restriction. For a feature that has already checked its viewer may act for the student.
     */
    @Transactional(readOnly = true)
    public List<FamilyContact> contactable(Long studentId) {
        return contacts.findByStudentIdOrderByPriorityAscIdAsc(studentId).stream().filter(this::mayContact).toList();
    }

    /** Whether anything may be sent to, or arranged with, this contact; false for one that does not exist. */
    @Transactional(readOnly = true)
    public boolean mayContact(Long contactId) {
        return contacts.findById(contactId).map(this::mayContact).orElse(false);
    }

    /**
     * The contact's postal address for a letter, document or export: empty when it is withheld (a
     * restriction says so) or the MIS gave none, and for a contact the school may not contact at all.
     */
    @Transactional(readOnly = true)
    public Optional<String> disclosableAddress(Long contactId) {
        return contacts.findById(contactId).map(this::card)
                .filter(c -> c.mayContact() && !c.addressWithheld() && !c.contact().address().isEmpty())
                .map(c -> c.contact().address());
    }

    /** The contact, if the viewer may read the student's contacts; otherwise empty, as if there were none. */
    @Transactional(readOnly = true)
    public Optional<ContactCard> card(Long contactId, Viewer viewer) {
        return contacts.findById(contactId).filter(c -> policy.mayRead(viewer, c.classification())).map(this::card);
    }

    ContactCard card(FamilyContact c) {
        List<FamilySettings.Restriction> rs = c.restrictionCodes().stream().map(settings::restriction)
                .flatMap(Optional::stream).toList();
        // a code no longer in the settings still restricts: removing it from the list must not lift it silently
        boolean unknown = rs.size() < c.restrictionCodes().size();
        List<String> names = c.restrictionCodes().stream()
                .map(code -> settings.restriction(code).map(FamilySettings.Restriction::name).orElse("Restriction " + code + " (no longer listed)"))
                .toList();
        return new ContactCard(c, names, !unknown && rs.stream().noneMatch(FamilySettings.Restriction::noContact),
                unknown || rs.stream().anyMatch(FamilySettings.Restriction::withholdAddress));
    }

    private boolean mayContact(FamilyContact c) {
        return card(c).mayContact();
    }

    public FamilySettings settings() {
        return settings;
    }
}
