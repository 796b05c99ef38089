package org.pastoralflow.casefile;

import org.pastoralflow.security.Confidentiality;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.pastoralflow.audit.AuditLog;
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

    private final ChronologyRepository entries;
    private final AuditLog audit;

    public CaseStore(ChronologyRepository entries, AuditLog audit) {
        this.entries = entries;
        this.audit = audit;
    }

    @Transactional
    public ChronologyEntry record(NewEntry e) {
        return entries.save(new ChronologyEntry(e.studentId(), e.kind(), e.confidentiality(), e.occurredAt(),
                e.recordedBy(), e.summary(), e.detail(), e.sourceType(), e.sourceId(), null));
    }

    /** A correction never changes the original: it is a new entry that points at it, with the same confidentiality. */
    @Transactional
    public ChronologyEntry correct(Long entryId, String text, Viewer viewer) {
        ChronologyEntry original = entry(entryId, viewer).orElseThrow(() -> new EntryNotFoundException(entryId));
        return entries.save(new ChronologyEntry(original.getStudentId(), EntryKind.CORRECTION,
                original.getConfidentiality(), original.getOccurredAt(), viewer.userId(),
                "Correction to: " + original.getSummary(), text, original.getSourceType(), original.getSourceId(),
                original.getId()));
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

    /** The student's chronology, newest first, as the viewer may see it. */
    @Transactional
    public List<ChronologyEntry> chronology(Long studentId, Viewer viewer, String where) {
        List<Confidentiality> readable = readableBy(viewer);
        if (readable.isEmpty()) {
            return List.of();
        }
        List<ChronologyEntry> visible = entries.findByStudentIdAndConfidentialityInOrderByOccurredAtDescIdDesc(
                studentId, readable);
        auditSafeguardingViews(visible, viewer, studentId, where);
        return visible;
    }

    /**
     * One page of the student's chronology, newest first, as the viewer may see it, optionally only
     * of some kinds and confidentialities (empty: all). Only the safeguarding entries on the page
     * are audited as viewed: entries on other pages have not been shown.
     */
    @Transactional
    public Page<ChronologyEntry> chronologyPage(Long studentId, Viewer viewer, Collection<EntryKind> kinds,
                                                Collection<Confidentiality> confidentialities, int page, int size, String where) {
        List<Confidentiality> readable = readableBy(viewer).stream()
                .filter(c -> confidentialities.isEmpty() || confidentialities.contains(c)).toList();
        if (readable.isEmpty()) {
            return Page.empty(PageRequest.of(page, size));
        }
        Page<ChronologyEntry> shown = entries.findByStudentIdAndConfidentialityInAndKindIn(studentId, readable,
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

    /** The confidentialities this viewer may read, for filters. */
    public static List<Confidentiality> readable(Viewer viewer) {
        return readableBy(viewer);
    }

    /** Entries about one record (a referral, say), oldest first, as the viewer may see them. */
    @Transactional
    public List<ChronologyEntry> aboutRecord(String sourceType, Long sourceId, Viewer viewer, Long studentId, String where) {
        List<Confidentiality> readable = readableBy(viewer);
        if (readable.isEmpty()) {
            return List.of();
        }
        List<ChronologyEntry> visible = entries.findBySourceTypeAndSourceIdAndConfidentialityInOrderByOccurredAtAscIdAsc(
                sourceType, sourceId, readable);
        auditSafeguardingViews(visible, viewer, studentId, where);
        return visible;
    }

    /** One entry, or empty when it does not exist or the viewer may not see it: the two look the same. */
    @Transactional
    public Optional<ChronologyEntry> entry(Long id, Viewer viewer) {
        Optional<ChronologyEntry> found = entries.findById(id).filter(e -> e.getConfidentiality().visibleTo(viewer));
        found.ifPresent(e -> auditSafeguardingViews(List.of(e), viewer, e.getStudentId(), "entry page"));
        return found;
    }

    private void auditSafeguardingViews(List<ChronologyEntry> shown, Viewer viewer, Long studentId, String where) {
        List<Long> safeguarding = shown.stream()
                .filter(e -> e.getConfidentiality() == Confidentiality.SAFEGUARDING).map(ChronologyEntry::getId).toList();
        audit.viewed(viewer.userId(), ENTRY, safeguarding, studentId, where);
    }

    static List<Confidentiality> readableBy(Viewer viewer) {
        return Arrays.stream(Confidentiality.values()).filter(c -> c.visibleTo(viewer)).toList();
    }
}
