package org.pastoralflow.security;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A record about students as the {@link AccessPolicy} sees it: what kind of record it is (the name
 * shares and the audit use), its id, its confidentiality, the students it is about (none for a
 * record about no one student, such as a call for help from a room), and, for a child not on roll
 * yet (an incoming Year 7), the year group they join. Features build one for each record they
 * show; the policy decides.
 */
public record Classification(String recordType, Long recordId, Confidentiality confidentiality, Collection<Long> studentIds,
                             Collection<Integer> yearGroups) {

    public Classification {
        studentIds = studentIds == null ? List.of() : List.copyOf(studentIds.stream().filter(Objects::nonNull).toList());
        yearGroups = yearGroups == null ? List.of() : List.copyOf(yearGroups.stream().filter(Objects::nonNull).toList());
    }

    public Classification(String recordType, Long recordId, Confidentiality confidentiality, Collection<Long> studentIds) {
        this(recordType, recordId, confidentiality, studentIds, List.of());
    }

    /** A record about one student (or none, when {@code studentId} is null). */
    public static Classification of(String recordType, Long recordId, Confidentiality confidentiality, Long studentId) {
        return new Classification(recordType, recordId, confidentiality, studentId == null ? List.of() : List.of(studentId));
    }

    /** The same record at another level: a safeguarding part of a pastoral record (a transition's CP file, say). */
    public Classification at(Confidentiality level) {
        return new Classification(recordType, recordId, level, studentIds, yearGroups);
    }
}
