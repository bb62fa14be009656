package com.mplifecycle.domain.profile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Which orders the archived totals (and the per-day sums, {@link OrderDay}) of a profile already
 * contain, as 64-bit digests of their ids, each with the second its order was paid
 * ({@code "<16 hex digits>:<epoch second>"}). Orders leave the profile's order list after 400 days,
 * or earlier beyond the size budget, and survive only as totals; without this set, an order
 * delivered again after that (a re-imported file, a redelivered event) could not be recognised and
 * would be counted twice.
 *
 * <p>Bounded: at most {@link #MAX_DIGESTS} digests (about 30 bytes each). Beyond that the digests of
 * the orders paid <em>earliest</em> are forgotten and {@code forgottenUpTo} moves to the latest
 * payment time among them: an order paid at or before it that is in neither the order list nor this
 * set is taken as already counted. Nothing is ever counted twice; a genuinely new order is left out
 * only if it arrives after {@code ORDERS_KEPT + MAX_DIGESTS} orders of the same customer paid later
 * than it were folded (events older than 30 days are refused at ingest, so only an import of old
 * history or an extreme flood reaches that). Digests stored without a time (written before times were
 * kept) count as paid at the set's {@code newestPaidAt} (or, if it has none, the earliest order added). Two order ids of one customer sharing a digest (odds
 * about n²/2⁶⁵) would make the second one look archived already.
 */
public record ArchivedOrderIds(List<String> digests, Instant newestPaidAt, Instant forgottenUpTo) {
    public static final ArchivedOrderIds NONE = new ArchivedOrderIds(List.of(), null, null);
    public static final int MAX_DIGESTS = 1_000;
    private static final int DIGEST_BYTES = 8;
    private static final int HEX_CHARS = DIGEST_BYTES * 2;

    public ArchivedOrderIds {
        digests = digests == null ? List.of() : digests.stream().distinct().sorted().toList();
    }

    public ArchivedOrderIds(List<String> digests) {
        this(digests, null, null);
    }

    /** Whether an order of this id paid at {@code paidAt} (null: not known) is already in the totals. */
    public boolean counted(String orderId, Instant paidAt) {
        return forgottenUpTo != null && paidAt != null && !paidAt.isAfter(forgottenUpTo) || contains(orderId);
    }

    public boolean contains(String orderId) {
        String d = digest(orderId);
        for (String entry : digests) {
            if (entry.startsWith(d)) {
                return true;
            }
        }
        return false;
    }

    /** This set plus the given order ids, all paid at {@code paidAt}. */
    public ArchivedOrderIds with(Collection<String> orderIds, Instant paidAt) {
        Map<String, Instant> paid = new HashMap<>();
        orderIds.forEach(id -> paid.put(id, paidAt));
        return with(paid);
    }

    /** This set plus the given order ids with the time each was paid; the earliest paid go first past the bound. */
    public ArchivedOrderIds with(Map<String, Instant> paidAtById) {
        if (paidAtById.isEmpty()) {
            return this;
        }
        Instant earliestGiven = paidAtById.values().stream().min(Comparator.naturalOrder()).orElseThrow();
        long unknown = (newestPaidAt != null ? newestPaidAt : earliestGiven).getEpochSecond();
        Instant newest = newestPaidAt;
        Map<String, Long> secondByDigest = new HashMap<>();
        for (String entry : digests) {
            secondByDigest.put(entry.substring(0, HEX_CHARS), entrySecond(entry));
        }
        for (Map.Entry<String, Instant> e : paidAtById.entrySet()) {
            secondByDigest.merge(digest(e.getKey()), e.getValue().getEpochSecond(), Math::max);
            newest = newest == null || e.getValue().isAfter(newest) ? e.getValue() : newest;
        }
        List<Map.Entry<String, Long>> byPaid = new ArrayList<>(secondByDigest.entrySet());
        byPaid.sort(Comparator.comparingLong((Map.Entry<String, Long> e) -> e.getValue() == null ? unknown : e.getValue())
                .thenComparing(Map.Entry::getKey));
        Instant floor = forgottenUpTo;
        int drop = Math.max(0, byPaid.size() - MAX_DIGESTS);
        for (Map.Entry<String, Long> e : byPaid.subList(0, drop)) {
            Instant forgotten = Instant.ofEpochSecond(e.getValue() == null ? unknown : e.getValue());
            floor = floor == null || forgotten.isAfter(floor) ? forgotten : floor;
        }
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, Long> e : byPaid.subList(drop, byPaid.size())) {
            kept.add(e.getValue() == null ? e.getKey() : e.getKey() + ":" + e.getValue());
        }
        return new ArchivedOrderIds(kept, newest, floor);
    }

    public int size() {
        return digests.size();
    }

    private static Long entrySecond(String entry) {
        return entry.length() > HEX_CHARS + 1 ? Long.valueOf(entry.substring(HEX_CHARS + 1)) : null;
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
