package org.pastoralflow.support;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/** PNG files made by hand, for the checks that an image is measured before it is decoded. */
public final class PngBomb {

    private PngBomb() {
    }

    /**
     * A decompression bomb: a valid greyscale PNG of {@code width} × {@code height} pixels, all black,
     * whose rows of zeros deflate to about a thousandth of their size.
     */
    public static byte[] of(int width, int height) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(zipped)) {
            byte[] row = new byte[width + 1]; // filter byte "none", then the pixels
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        }
        return png(width, height, zipped.toByteArray());
    }

    public static byte[] png(int width, int height, byte[] idat) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 0, 0, 0, 0}); // 8 bits, greyscale, deflate, adaptive filtering, not interlaced
        chunk(data, "IHDR", header.toByteArray());
        chunk(data, "IDAT", idat);
        chunk(data, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] body) throws IOException {
        out.writeInt(body.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(name);
        out.write(body);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(body);
        out.writeInt((int) crc.getValue());
    }
}
