package com.mplifecycle.domain.profile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * Which orders the archived totals (and the per-day sums, {@link OrderDay}) of a profile already
 * contain, as 64-bit digests of their ids (16 hex digits, sorted). Orders leave the profile's order
 * list after 400 days, or earlier beyond the size budget, and survive only as totals; without this
 * set, an order delivered again after that (a re-imported file, a redelivered event) could not be
 * recognised and would be counted twice.
 *
 * <p>Bounded: at most {@link #MAX_DIGESTS} digests (about 19 bytes each). When more would be held,
 * the set is emptied and {@code forgottenUpTo} set to {@code newestPaidAt}, the latest payment time of
 * any order ever archived: from then on an order paid at or before it that is not in the order list
 * is taken as already counted. Nothing is ever counted twice; an order first delivered after that
 * and older than it (possible only past 1,000 archived orders) is left out. Two order ids of one
 * customer sharing a digest (odds about n²/2⁶⁵) would make the second one look archived already.
 */
public record ArchivedOrderIds(List<String> digests, Instant newestPaidAt, Instant forgottenUpTo) {
    public static final ArchivedOrderIds NONE = new ArchivedOrderIds(List.of(), null, null);
    public static final int MAX_DIGESTS = 1_000;
    private static final int DIGEST_BYTES = 8;

    public ArchivedOrderIds {
        digests = digests == null ? List.of() : List.copyOf(new TreeSet<>(digests));
    }

    public ArchivedOrderIds(List<String> digests) {
        this(digests, null, null);
    }

    /** Whether an order of this id paid at {@code paidAt} (null: not known) is already in the totals. */
    public boolean counted(String orderId, Instant paidAt) {
        return forgottenUpTo != null && paidAt != null && !paidAt.isAfter(forgottenUpTo) || contains(orderId);
    }

    public boolean contains(String orderId) {
        return Collections.binarySearch(digests, digest(orderId)) >= 0;
    }

    /** This set plus the given order ids, the latest of which was paid at {@code latestPaidAt}. */
    public ArchivedOrderIds with(Collection<String> orderIds, Instant latestPaidAt) {
        if (orderIds.isEmpty()) {
            return this;
        }
        Instant newest = newestPaidAt == null || latestPaidAt.isAfter(newestPaidAt) ? latestPaidAt : newestPaidAt;
        TreeSet<String> all = new TreeSet<>(digests);
        orderIds.forEach(id -> all.add(digest(id)));
        if (all.size() > MAX_DIGESTS) {
            return new ArchivedOrderIds(List.of(), newest, newest);
        }
        return new ArchivedOrderIds(List.copyOf(all), newest, forgottenUpTo);
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
