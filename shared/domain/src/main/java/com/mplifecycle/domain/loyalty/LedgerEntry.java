package com.mplifecycle.domain.loyalty;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of a customer's points, keyed by its cause ({@code order:<orderId>},
 * {@code refund:<refundId>}, {@code checkin:<date>}, {@code makeup:<date>}, {@code reward:<requestId>},
 * {@code referral:<id>}, {@code adjustment:<requestId>}, {@code expiry:<date>}, {@code birthday:<year>}):
 * a cause is recorded once, so a redelivered or retried cause never changes a balance twice.
 * {@code points} is signed; {@code balance} is the balance right after it; {@code ref} is what it
 * concerns (order, reward), {@code note} a reason (adjustments) or a detail.
 */
public record LedgerEntry(String cause, Kind kind, long points, long balance, Instant at, String ref, String note) {
    public enum Kind { ORDER, REFUND, CHECK_IN, MAKE_UP, REWARD, REFERRAL, ADJUSTMENT, EXPIRY, BIRTHDAY }

    public LedgerEntry {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }

    public static String causeOf(Kind kind, String id) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace("_", "") + ":" + id;
    }
}
