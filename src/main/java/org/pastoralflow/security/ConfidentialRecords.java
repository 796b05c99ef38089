package org.pastoralflow.security;

import java.util.List;

/**
 * A feature's declaration of the records it keeps about students: each kind with its tables and
 * how its confidentiality is decided. A table about students that no bean declares fails
 * {@code ConfidentialityDeclarationsTest}, and docs/security.md lists every kind declared here, so
 * a new feature cannot store something about a child without saying who may read it.
 */
public interface ConfidentialRecords {

    /**
     * One kind of record. {@code tables}: every table that holds it (its rows and the rows that hang off
     * it), the record's own table first; {@code readers}: who may read it, in words, as docs/security.md
     * says it; {@code processKey}: the workflow whose instances are about it (business key = the first
     * table's {@code reference}, its level in that table's {@code confidentiality}), or null.
     */
    record Kind(String name, List<String> tables, String readers, String processKey) {

        public Kind(String name, List<String> tables, String readers) {
            this(name, tables, readers, null);
        }

        /** SQL giving a record's confidentiality from its workflow's business key. */
        public String confidentialityByReference(String businessKeyExpr) {
            return "select pf_r.confidentiality from " + tables.get(0) + " pf_r where pf_r.reference = " + businessKeyExpr;
        }
    }

    List<Kind> kinds();
}
