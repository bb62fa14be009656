package com.mplifecycle.functions.loyalty;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

import com.mplifecycle.aws.store.LoyaltyStore;
import com.mplifecycle.aws.store.StoreUnavailableException;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.loyalty.LedgerEntry;
import com.mplifecycle.domain.loyalty.LoyaltyCounts;
import com.mplifecycle.domain.loyalty.LoyaltyOutcome;
import com.mplifecycle.domain.loyalty.PointsAccount;

import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Read, decide, write: applies one cause to a customer's account with optimistic locking, reading
 * again and deciding again when another writer got there first. The decision is a pure rule
 * ({@code LoyaltyRules}); the write is {@link LoyaltyStore#commit}, which records each cause once.
 */
public final class Accounts {
    static final int ATTEMPTS = 8;

    /** How applying a cause ended. */
    public sealed interface Applied {
        /** Written now: the account after it and its entries. */
        record Done(PointsAccount account, LoyaltyOutcome.Changed change, double writeUnits) implements Applied {
        }

        /** The cause was already in the ledger: nothing changed now. */
        record Already(PointsAccount account) implements Applied {
        }

        /** The rules (or an extra item's condition) refused it. */
        record Refused(int status, String reason) implements Applied {
        }
    }

    /** What follows a written change (the profile's loyalty status); it never undoes the change. */
    @FunctionalInterface
    public interface AfterChange {
        void written(String appId, String customerId, Applied.Done done);
    }

    private final LoyaltyStore store;
    private final AfterChange after;
    private final java.util.concurrent.atomic.AtomicLong conflicts = new java.util.concurrent.atomic.AtomicLong();

    private final Function<String, ZoneId> zones;

    public Accounts(LoyaltyStore store) {
        this(store, (appId, customerId, done) -> { }, appId -> AppSettings.defaults(appId).timeZone());
    }

    /**
     * @param zones the app's time zone, whose local days the app's loyalty counters are kept by
     */
    public Accounts(LoyaltyStore store, AfterChange after, Function<String, ZoneId> zones) {
        this.store = store;
        this.after = after;
        this.zones = zones;
    }

    /** Commits that lost a race (version moved, item held by another transaction) and were decided again. */
    public long conflicts() {
        return conflicts.get();
    }

    LoyaltyStore store() {
        return store;
    }

    public Applied apply(String appId, String customerId, Function<PointsAccount, LoyaltyOutcome> decide) {
        return apply(appId, customerId, decide, List.of(), null);
    }

    /**
     * @param extra         items written in the same transaction (a reward's stock)
     * @param extraRefused  the reason when an extra item's condition fails
     */
    public Applied apply(String appId, String customerId, Function<PointsAccount, LoyaltyOutcome> decide,
                         List<TransactWriteItem> extra, String extraRefused) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            PointsAccount before = store.account(appId, customerId);
            LoyaltyOutcome outcome = decide.apply(before);
            if (outcome instanceof LoyaltyOutcome.Refused r) {
                return new Applied.Refused(r.status(), r.reason());
            }
            LoyaltyOutcome.Changed change = (LoyaltyOutcome.Changed) outcome;
            List<LedgerEntry> entries = change.entries();
            if (entries.isEmpty() && change.after().equals(before)) {
                return new Applied.Already(before);
            }
            // the app's figures move in the same transaction as the ledger (a change of the lots without an
            // entry too, so that the expiry counters stay exact)
            LoyaltyCounts counts = LoyaltyCounts.of(before, change.after(), entries, zones.apply(appId));
            LoyaltyStore.Result result = entries.isEmpty() && extra.isEmpty() && counts.isEmpty()
                    ? store.commitAccount(appId, customerId, before, change.after())
                    : store.commit(appId, customerId, before, change.after(), entries, extra, counts);
            switch (result.commit()) {
                case APPLIED:
                    Applied.Done done = new Applied.Done(change.after().withVersion(before.version() + 1), change,
                            result.writeUnits());
                    after.written(appId, customerId, done);
                    return done;
                case ALREADY_APPLIED:
                    return new Applied.Already(store.account(appId, customerId));
                case EXTRA_REFUSED:
                    return new Applied.Refused(409, extraRefused);
                case CONFLICT:
                default:
                    // someone else wrote the account (or held one of the items): read again
                    conflicts.incrementAndGet();
                    sleepBriefly(attempt);
            }
        }
        throw new StoreUnavailableException("the points account kept changing; retry", null);
    }

    private static void sleepBriefly(int attempt) {
        try {
            Thread.sleep(Math.min(50, 2L << attempt) + (long) (Math.random() * 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted", e);
        }
    }
}
