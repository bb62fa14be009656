package com.mplifecycle.domain.profile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * Which orders the archived totals of a profile already contain, as 64-bit digests of their ids
 * (16 hex digits, sorted). Orders leave the profile's order list after 400 days and survive only
 * as totals; without this set, an order delivered again after that (a re-imported file, an old
 * redelivered event) could not be recognised and would be counted twice.
 *
 * <p>Costs about 19 bytes of the item per archived order, so the 400 KB item limit leaves room for
 * some 20,000 archived orders per customer. Two order ids of one customer sharing a digest (odds
 * about n²/2⁶⁵) would make the second one look archived already: it would be left out, never
 * counted twice.
 */
public record ArchivedOrderIds(List<String> digests) {
    public static final ArchivedOrderIds NONE = new ArchivedOrderIds(List.of());
    private static final int DIGEST_BYTES = 8;

    public ArchivedOrderIds {
        digests = digests == null ? List.of() : List.copyOf(new TreeSet<>(digests));
    }

    public boolean contains(String orderId) {
        return Collections.binarySearch(digests, digest(orderId)) >= 0;
    }

    /** This set plus the given order ids. */
    public ArchivedOrderIds with(Collection<String> orderIds) {
        if (orderIds.isEmpty()) {
            return this;
        }
        TreeSet<String> all = new TreeSet<>(digests);
        orderIds.forEach(id -> all.add(digest(id)));
        return new ArchivedOrderIds(List.copyOf(all));
    }

    public int size() {
        return digests.size();
    }

    static String digest(String orderId) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(orderId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, DIGEST_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
