package org.pastoralflow.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** What an upload really is, from its first bytes. */
class CsvUploadTest {

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void workbooksPdfsImagesAndBinaryAreRecognisedAndTextIsNot() {
        assertThat(CsvUpload.binaryKind(bytes('P', 'K', 3, 4, 0))).contains(".xlsx");
        assertThat(CsvUpload.binaryKind(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1))).contains(".xls");
        assertThat(CsvUpload.binaryKind("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isEqualTo("a PDF");
        assertThat(CsvUpload.binaryKind(bytes(0x89, 'P', 'N', 'G', 13, 10))).isEqualTo("an image");
        assertThat(CsvUpload.binaryKind(bytes('U', 'P', 'N', 0, ','))).contains("binary");
        assertThat(CsvUpload.binaryKind("UPN,Legal Surname\nA1,B\n".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(CsvUpload.binaryKind(bytes(0xEF, 0xBB, 0xBF, 'U', 'P', 'N'))).as("UTF-8 with a byte-order mark").isNull();
        assertThat(CsvUpload.binaryKind(new byte[0])).isNull();
    }
}
