package org.pastoralflow.student;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Opens an uploaded MIS export as CSV, after looking at what it really is: people upload the
 * Excel workbook or a PDF of the report more often than one would think, and they deserve to be
 * told so rather than read "the header row lacks columns".
 */
public final class CsvUpload {

    /** The file is not CSV text; the message says what it looks like and what to do. */
    public static final class NotCsvException extends IOException {
        NotCsvException(String message) {
            super(message);
        }
    }

    static final int SNIFF = 8192;
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    private CsvUpload() {
    }

    public static CSVParser open(InputStream upload) throws IOException {
        BufferedInputStream in = new BufferedInputStream(upload, SNIFF);
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        String kind = binaryKind(head);
        if (kind != null) {
            throw new NotCsvException("This file is " + kind + ", not a CSV export. Export the report from the MIS as CSV "
                    + "(or in Excel: File, Save As, CSV UTF-8) and upload that.");
        }
        return CSVParser.parse(new InputStreamReader(BOMInputStream.builder().setInputStream(in).get(), StandardCharsets.UTF_8), FORMAT);
    }

    /** What a file that is not text looks like, from its first bytes; null for text. */
    static String binaryKind(byte[] head) {
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return "an Excel workbook (.xlsx) or another zip file";
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "an old-style Excel workbook (.xls)";
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            return "a PDF";
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF) || startsWith(head, 0x89, 'P', 'N', 'G')) {
            return "an image";
        }
        for (byte b : head) {
            if (b == 0) {
                return "not text (it contains binary data)";
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int... signature) {
        if (head.length < signature.length) {
            return false;
        }
        byte[] start = Arrays.copyOf(head, signature.length);
        for (int i = 0; i < signature.length; i++) {
            if ((start[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
