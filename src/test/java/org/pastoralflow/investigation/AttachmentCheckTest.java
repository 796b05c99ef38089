package org.pastoralflow.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.pastoralflow.support.PngBomb;

/** What an uploaded statement is comes from its bytes, and it must open as that. */
class AttachmentCheckTest {

    static final long LIMIT = 1024 * 1024;
    static final long MAX_PIXELS = 40_000_000;
    final AttachmentCheck check = new AttachmentCheck(MAX_PIXELS);

    static byte[] image(String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(30, 10, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    static byte[] pdf(String password) throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            if (password != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", password, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aPdfAPngAndAJpegAreAcceptedWhateverTheBrowserSaysAboutThem() throws Exception {
        assertThat(check.check("application/pdf", pdf(null), LIMIT).contentType()).isEqualTo("application/pdf");
        assertThat(check.check("image/png", image("png"), LIMIT).contentType()).isEqualTo("image/png");
        assertThat(check.check("image/jpg", image("jpg"), LIMIT).contentType()).isEqualTo("image/jpeg");
        AttachmentCheck.Result unknown = check.check("application/octet-stream", image("png"), LIMIT);
        assertThat(unknown.ok()).isTrue();
        assertThat(unknown.sha256()).hasSize(64);
    }

    @Test
    void aFileIsJudgedByItsContentNotItsNameOrDeclaredType() throws Exception {
        assertThat(check.check("application/pdf", "just some text".getBytes(), LIMIT).problem()).contains("not a PDF, PNG or JPEG");
        assertThat(check.check("image/jpeg", image("png"), LIMIT).problem()).contains("says it is image/jpeg but its content is PNG");
        assertThat(check.check("image/gif", image("gif"), LIMIT).problem()).contains("image/gif");
        // the right first bytes are not enough: it must open as a PDF
        assertThat(check.check("application/pdf", "%PDF-1.7\nnot really".getBytes(), LIMIT).problem()).contains("damaged");
        assertThat(check.check("application/pdf", pdf("secret"), LIMIT).problem()).contains("password-protected");
    }

    @Test
    void emptyAndOversizedFilesAreRefused() throws Exception {
        assertThat(check.check("application/pdf", new byte[0], LIMIT).problem()).contains("empty");
        assertThat(check.check("image/png", image("png"), 10).problem()).contains("largest accepted");
    }

    @Test
    void aPngThatDecodesToFarMoreThanItWeighsIsRefusedForItsSize() throws Exception {
        byte[] bomb = PngBomb.of(10_000, 10_000);
        assertThat((long) bomb.length).as("a 100-megapixel image in a small file").isLessThan(LIMIT);

        AttachmentCheck.Result result = check.check("image/png", bomb, LIMIT);

        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).contains("10000 × 10000 pixels (100.0 megapixels)").contains("largest accepted is 40.0 megapixels");
    }

    @Test
    void theSizeComesFromTheHeaderBeforeAnyPixelIsRead() throws Exception {
        // the pixels of this one are not a deflate stream at all: decoding it would find it damaged,
        // so the answer about its size shows that it was measured and not decoded
        byte[] header = PngBomb.png(1_000_000, 1_000_000, "not pixels".getBytes());
        assertThat(check.check("image/png", header, LIMIT).problem()).contains("1000000 × 1000000 pixels");
        // within the limit, the same damage is found by decoding it
        assertThat(check.check("image/png", PngBomb.png(30, 10, "not pixels".getBytes()), LIMIT).problem()).contains("damaged");
    }

    @Test
    void theLimitIsTheConfiguredNumberOfPixels() throws Exception {
        byte[] fortyByForty = PngBomb.of(40, 40);
        assertThat(new AttachmentCheck(1600).check("image/png", fortyByForty, LIMIT).ok()).isTrue();
        assertThat(new AttachmentCheck(1599).check("image/png", fortyByForty, LIMIT).problem()).contains("40 × 40 pixels");
        assertThat(new AttachmentCheck(299).check("image/jpeg", image("jpg"), LIMIT).problem()).contains("30 × 10 pixels");
    }
}
