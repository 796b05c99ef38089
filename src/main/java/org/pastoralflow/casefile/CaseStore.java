package org.pastoralflow.casefile;


import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Classification;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.Viewer;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one case store: every feature records into the student's chronology through here, and
 * every read is filtered by what the viewer may see, with views of safeguarding entries audited.
 */
@Service
public class CaseStore {

    public static final String ENTRY = "chronology-entry";

    /** Stands in for "no level" in a query: no entry is recorded with a null confidentiality. */
    private static final List<Confidentiality> NONE = java.util.Collections.singletonList(null);

    private final ChronologyRepository entries;
    private final AuditLog audit;
    private final AccessPolicy policy;
    private final Clock clock;

    public CaseStore(ChronologyRepository entries, AuditLog audit, AccessPolicy policy, Clock clock) {
        this.entries = entries;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    @Transactional
    public ChronologyEntry record(NewEntry e) {
        Instant now = clock.instant();
        return entries.save(new ChronologyEntry(e.studentId(), e.kind(), e.confidentiality(),
                e.occurredAt() == null ? now : e.occurredAt(), e.recordedBy(), e.summary(), e.detail(), e.sourceType(),
                e.sourceId(), null, now));
    }

    /** A correction never changes the original: it is a new entry that points at it, with the same confidentiality. */
    @Transactional
    public ChronologyEntry correct(Long entryId, String text, Viewer viewer) {
        ChronologyEntry original = entry(entryId, viewer).orElseThrow(() -> new EntryNotFoundException(entryId));
        return entries.save(new ChronologyEntry(original.getStudentId(), EntryKind.CORRECTION,
                original.getConfidentiality(), original.getOccurredAt(), viewer.userId(),
                "Correction to: " + original.getSummary(), text, original.getSourceType(), original.getSourceId(),
                original.getId(), clock.instant()));
    }

    /**
     * For the retention review: students born on or before the day who have entries of this
     * confidentiality, with how many ([student id, count]). Counts only, no content.
     */
    public List<Object[]> entryCountsForStudentsBornBy(Confidentiality confidentiality, java.time.LocalDate bornBy) {
        return entries.countsForStudentsBornBy(confidentiality, bornBy);
    }

    /** How many entries of this confidentiality the student has: whether there is a child protection file to transfer, say. */
    public long countEntries(Long studentId, Confidentiality confidentiality) {
        return entries.countByStudentIdAndConfidentiality(studentId, confidentiality);
    }

    /** The student's chronology, newest first, as the viewer may read it (the caller has checked the student's year groups). */
    @Transactional
    public List<ChronologyEntry> chronology(Long studentId, Viewer viewer, String where) {
        List<ChronologyEntry> visible = entries.readableOfStudent(studentId, levels(viewer), viewer.userId());
        auditSafeguardingViews(visible, viewer, studentId, where);
        return visible;
    }

    /**
     * One page of the student's chronology, newest first, as the viewer may read it, optionally only
     * of some kinds and confidentialities (empty: all). Only the safeguarding entries on the page
     * are audited as viewed: entries on other pages have not been shown.
     */
    @Transactional
    public Page<ChronologyEntry> chronologyPage(Long studentId, Viewer viewer, Collection<EntryKind> kinds,
                                                Collection<Confidentiality> confidentialities, int page, int size, String where) {
        Page<ChronologyEntry> shown = entries.readablePage(studentId, levels(viewer), viewer.userId(),
                confidentialities.isEmpty() ? List.of(Confidentiality.values()) : confidentialities,
                kinds.isEmpty() ? List.of(EntryKind.values()) : kinds,
                PageRequest.of(page, size, Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"))));
        auditSafeguardingViews(shown.getContent(), viewer, studentId, where);
        return shown;
    }

    /**
     * Every entry about the student, whatever its confidentiality, oldest first, for a subject
     * access export. The caller checks who may export and records the export in the audit trail.
     */
    @Transactional(readOnly = true)
    public List<ChronologyEntry> everythingAbout(Long studentId) {
        return entries.findByStudentIdOrderByOccurredAtAscIdAsc(studentId);
    }

    /** Entries about one record (a referral, say), oldest first, as the viewer may read them. */
    @Transactional
    public List<ChronologyEntry> aboutRecord(String sourceType, Long sourceId, Viewer viewer, Long studentId, String where) {
        List<ChronologyEntry> visible = entries.readableAboutRecord(sourceType, sourceId, levels(viewer), viewer.userId());
        auditSafeguardingViews(visible, viewer, studentId, where);
        return visible;
    }

    /**
     * Whether the viewer may read anything recorded about one record (a referral handed to them, say),
     * by the same rule as {@link #entry}. Nothing is shown, so nothing is audited.
     */
    @Transactional(readOnly = true)
    public boolean knows(String sourceType, Long sourceId, Viewer viewer) {
        AccessPolicy.Access access = policy.of(viewer);
        return entries.readableAboutRecord(sourceType, sourceId, levels(viewer), viewer.userId()).stream()
                .anyMatch(e -> access.mayRead(classify(e)));
    }

    /**
     * One entry, or empty when it does not exist or the viewer may not read it (its confidentiality,
     * a share of its record, the year groups of its student): the two look the same.
     */
    @Transactional
    public Optional<ChronologyEntry> entry(Long id, Viewer viewer) {
        Optional<ChronologyEntry> found = entries.findById(id).filter(e -> policy.mayRead(viewer, classify(e)));
        found.ifPresent(e -> auditSafeguardingViews(List.of(e), viewer, e.getStudentId(), "entry page"));
        return found;
    }

    /** An entry as the access policy sees it: part of the record it is about, when it has one, so a share of that record covers it. */
    public static Classification classify(ChronologyEntry e) {
        return e.getSourceType() != null && e.getSourceId() != null
                ? Classification.of(e.getSourceType(), e.getSourceId(), e.getConfidentiality(), e.getStudentId())
                : Classification.of(ENTRY, e.getId(), e.getConfidentiality(), e.getStudentId());
    }

    /** The confidentialities the viewer's groups read (for the student page's filter). */
    public static List<Confidentiality> readable(Viewer viewer) {
        return List.copyOf(AccessPolicy.levels(viewer));
    }

    private void auditSafeguardingViews(List<ChronologyEntry> shown, Viewer viewer, Long studentId, String where) {
        List<Long> safeguarding = shown.stream()
                .filter(e -> e.getConfidentiality() == Confidentiality.SAFEGUARDING).map(ChronologyEntry::getId).toList();
        audit.viewed(viewer.userId(), ENTRY, safeguarding, studentId, where);
    }

    /** The viewer's levels for a query; never empty, so that JPQL's "in" has something to compare (a share may still match). */
    private static List<Confidentiality> levels(Viewer viewer) {
        List<Confidentiality> levels = List.copyOf(AccessPolicy.levels(viewer));
        return levels.isEmpty() ? NONE : levels;
    }
}
