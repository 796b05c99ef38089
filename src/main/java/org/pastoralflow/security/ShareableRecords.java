package org.pastoralflow.security;

import java.util.Optional;

/**
 * A feature's records that the DSL (or the SENCO, for SEND records) may share with named staff:
 * how to classify one by its id, and the page it lives on. {@link ShareController} serves the share
 * and revoke forms for every such bean.
 */
public interface ShareableRecords {

    /** The record type, as in {@link Classification#recordType()}. */
    String recordType();

    /** The record as the access policy sees it; empty when there is no such record. */
    Optional<Classification> classify(Long recordId);

    /** Where the record is shown (the form returns there). */
    String page(Long recordId);
}
