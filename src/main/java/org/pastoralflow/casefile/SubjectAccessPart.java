package org.pastoralflow.casefile;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.pastoralflow.security.Confidentiality;

/**
 * What a feature holds about one student, for a subject access request (UK GDPR Art. 15). Each
 * feature implements it in its own package, as it does {@link RetainedRecords}, so the export
 * covers every record a feature keeps without the subject access feature knowing their tables.
 * Beans are read in {@code @Order}: the review page and the export show the parts in that order.
 */
public interface SubjectAccessPart {

    /** The feature, as the DSL's review page heads its tables ("Referrals"). */
    String feature();

    /** The student's records, one table per kind of record, every column as stored. */
    List<Table> heldAbout(Long studentId);

    /** One kind of record: its CSV's name in the export ({@code file}.csv), a heading, its columns. */
    record Table(String file, String title, List<String> columns, List<Item> items) {
    }

    /**
     * One record: its type and id say which it is (the DSL withholds it by them), its
     * confidentiality says who could read it elsewhere in the application, so a reader-filter can
     * apply it; the fields are its columns as text.
     */
    record Item(String recordType, Long recordId, Confidentiality confidentiality, Map<String, String> fields,
                Attachment attachment) {

        public Item(String recordType, Long recordId, Confidentiality confidentiality, Map<String, String> fields) {
            this(recordType, recordId, confidentiality, fields, null);
        }

        /** Unique in one student's export: "referral-42". */
        public String key() {
            return recordType + "-" + recordId;
        }
    }

    /** A file held with a record (a scanned statement), read only when the export is written. */
    record Attachment(String fileName, Supplier<byte[]> content) {
    }
}
