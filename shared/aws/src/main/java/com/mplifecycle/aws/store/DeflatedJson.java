package com.mplifecycle.aws.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import com.mplifecycle.aws.json.Json;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A JSON document attribute stored as a binary of one format byte and the raw deflate (RFC 1951) of
 * its UTF-8 text whenever that is smaller, else as the text itself: items are billed by size (a write
 * unit per KB, a read unit per 4 KB), and JSON of repeated field names compresses about threefold.
 * Readers take both forms, so items written as text stay readable.
 */
final class DeflatedJson {
    /** First byte of a binary attribute: raw deflate of the UTF-8 JSON. */
    static final byte FORMAT_DEFLATE = 1;
    /**
     * One deflater and inflater per thread, reset per document: setting zlib up allocates about 270 KB
     * of native state, more work than compressing a kilobyte. Fastest level: within 3 % of the best on
     * documents of this size.
     */
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(
            () -> new Deflater(Deflater.BEST_SPEED, true));
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

    private DeflatedJson() {
    }

    /** The attribute for a JSON document: deflated binary when smaller, else the text. */
    static AttributeValue attribute(String json) {
        return attribute(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The same for a document already in UTF-8. */
    static AttributeValue attribute(byte[] utf8) {
        byte[] packed = deflate(utf8);
        return packed.length < utf8.length ? AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(packed))
                : AttributeValue.fromS(new String(utf8, StandardCharsets.UTF_8));
    }

    /** The JSON text of an attribute written by {@link #attribute}, or of a plain string attribute. */
    static String text(AttributeValue value, String what) {
        if (value.b() != null) {
            return text(value.b().asByteArrayUnsafe(), what);
        }
        if (value.s() == null) {
            throw new IllegalArgumentException(what + " is neither text nor binary");
        }
        return value.s();
    }

    /** The JSON text of a binary written by {@link #attribute}: a format byte, then the deflated JSON. */
    static String text(byte[] packed, String what) {
        if (packed.length == 0 || packed[0] != FORMAT_DEFLATE) {
            throw new IllegalArgumentException("unknown " + what + " format");
        }
        return new String(inflate(packed, what), StandardCharsets.UTF_8);
    }

    private static byte[] deflate(byte[] json) {
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setInput(json);
        deflater.finish();
        // zlib's bound for stored blocks: the input plus 5 bytes per 16 KB block, plus the format byte
        byte[] out = new byte[json.length + 5 * (json.length / 16_383 + 1) + 1];
        out[0] = FORMAT_DEFLATE;
        int size = 1;
        while (!deflater.finished()) {
            if (size == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            size += deflater.deflate(out, size, out.length - size);
        }
        return Arrays.copyOf(out, size);
    }

    /** Inflates after the format byte, refusing more than the JSON limits allow (a corrupt or hostile item). */
    private static byte[] inflate(byte[] packed, String what) {
        Inflater inflater = INFLATERS.get();
        inflater.reset();
        try {
            inflater.setInput(packed, 1, packed.length - 1);
            byte[] out = new byte[Math.max(256, packed.length * 4)];
            int size = 0;
            while (!inflater.finished()) {
                if (size == out.length) {
                    if (out.length >= Json.MAX_STRING_LENGTH) {
                        throw new IllegalArgumentException(what + " inflates beyond the limit");
                    }
                    out = Arrays.copyOf(out, Math.min(Json.MAX_STRING_LENGTH, out.length * 2));
                }
                int n = inflater.inflate(out, size, out.length - size);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException(what + " is truncated");
                }
                size += n;
            }
            return Arrays.copyOf(out, size);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException(what + " is not deflated data", e);
        }
    }
}
