package org.pastoralflow.investigation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether an uploaded statement is what it says it is: its type is read from its first bytes
 * (Apache Tika's magic detection), never taken from the name or the browser's word, and the file
 * must then open as that type.
 *
 * <p>An image is measured before it is decoded: a PNG of a few megabytes can declare a size that
 * decodes to gigabytes (a decompression bomb). Its width and height come from its header, and one
 * above {@code pastoral.uploads.max-image-pixels} is refused without reading a pixel; one within it
 * is decoded at a fraction of its size, which still reads every byte, to check that it opens.
 */
@Component
class AttachmentCheck {

    /** Decoding keeps one pixel in this many each way: every byte of the file is still read, a 40-megapixel photo is held as 2.5. */
    private static final int CHECK_SUBSAMPLING = 4;

    static final Map<String, String> ALLOWED = Map.of("application/pdf", "PDF", "image/png", "PNG image", "image/jpeg", "JPEG image");

    record Result(String contentType, String sha256, String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    private final Tika tika = new Tika();
    private final long maxImagePixels;

    AttachmentCheck(@Value("${pastoral.uploads.max-image-pixels:40000000}") long maxImagePixels) {
        this.maxImagePixels = maxImagePixels;
    }

    Result check(String declaredType, byte[] content, long maxBytes) {
        if (content.length == 0) {
            return problem("The file is empty. Choose the scan or photo again.");
        }
        if (content.length > maxBytes) {
            return problem("The file is " + megabytes(content.length) + "; the largest accepted is " + megabytes(maxBytes)
                    + ". Scan it at a lower resolution, or attach it in parts.");
        }
        String detected = tika.detect(content);
        if (!ALLOWED.containsKey(detected)) {
            return problem("The file is not a PDF, PNG or JPEG (its content is " + detected + "). Scan or photograph the statement.");
        }
        String declared = normalise(declaredType);
        if (declared != null && !declared.equals(detected)) {
            return problem("The file says it is " + declared + " but its content is " + ALLOWED.get(detected)
                    + ". Save it again with the right type and choose it again.");
        }
        String opens = detected.equals("application/pdf") ? pdfProblem(content) : imageProblem(content);
        if (opens != null) {
            return problem(opens);
        }
        return new Result(detected, sha256(content), null);
    }

    private static Result problem(String message) {
        return new Result(null, null, message);
    }

    private static String normalise(String type) {
        if (type == null || type.isBlank() || type.equals("application/octet-stream")) {
            return null;
        }
        String t = type.toLowerCase().split(";")[0].trim();
        return t.equals("image/jpg") || t.equals("image/pjpeg") ? "image/jpeg" : t;
    }

    private static String pdfProblem(byte[] content) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            return pdf.getNumberOfPages() == 0 ? "The PDF has no pages." : null;
        } catch (InvalidPasswordException e) {
            return "The PDF is password-protected. Attach a copy without a password.";
        } catch (IOException e) {
            return "The PDF is damaged and cannot be opened. Scan it again.";
        }
    }

    private String imageProblem(byte[] content) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return "The image cannot be opened. Take the photo again.";
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                // the header only: no pixel is read until the size is known to be within bounds
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    return "The image is damaged and cannot be opened. Take the photo again.";
                }
                if (width * height > maxImagePixels) {
                    return "The image is " + width + " × " + height + " pixels (" + megapixels(width * height)
                            + "); the largest accepted is " + megapixels(maxImagePixels)
                            + ". Take the photo at a lower resolution, or scan the statement as a PDF.";
                }
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(CHECK_SUBSAMPLING, CHECK_SUBSAMPLING, 0, 0);
                reader.read(0, param);
                return null;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO's readers throw runtime exceptions too on some damaged files
            return "The image is damaged and cannot be opened. Take the photo again.";
        }
    }

    private static String megapixels(long pixels) {
        return String.format("%.1f megapixels", pixels / 1_000_000.0);
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
