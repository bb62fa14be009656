package com.mplifecycle.domain.campaign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Holdout and variant assignment by a stable hash of (campaign, customer): the same customer always
 * lands in the same group of a campaign, whichever dispatcher decides, and groups of different
 * campaigns are independent. Holdout and variant use separate hashes so the variant split among
 * treated customers does not depend on the holdout share.
 */
public final class StableBuckets {
    static final int BUCKETS = 10_000;

    private StableBuckets() {
    }

    public static boolean isHoldout(String campaignId, String customerId, int holdoutPercent) {
        return bucket("holdout", campaignId, customerId) < holdoutPercent * (BUCKETS / 100);
    }

    /** The variant by weight, or empty for a campaign without variants. */
    public static Optional<Variant> variant(String campaignId, String customerId, List<Variant> variants) {
        int total = variants.stream().mapToInt(Variant::weight).sum();
        if (variants.isEmpty() || total <= 0) {
            return Optional.empty();
        }
        long point = (long) bucket("variant", campaignId, customerId) * total / BUCKETS;
        long upTo = 0;
        for (Variant v : variants) {
            upTo += v.weight();
            if (point < upTo) {
                return Optional.of(v);
            }
        }
        return Optional.of(variants.get(variants.size() - 1));
    }

    static int bucket(String purpose, String campaignId, String customerId) {
        byte[] digest = sha256(purpose + "\u0000" + campaignId + "\u0000" + customerId);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (digest[i] & 0xff);
        }
        return (int) Long.remainderUnsigned(value, BUCKETS);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
