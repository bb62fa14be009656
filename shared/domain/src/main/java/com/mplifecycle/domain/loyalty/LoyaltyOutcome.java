package com.mplifecycle.domain.loyalty;

import java.util.List;

/** What a loyalty rule decided: the account changed with its ledger entries, or a refusal with a reason. */
public sealed interface LoyaltyOutcome {
    /** {@code levelUp} is the level reached when the change lifted the customer's level, else null. */
    record Changed(PointsAccount after, List<LedgerEntry> entries, LevelChange levelChange) implements LoyaltyOutcome {
        public Changed {
            entries = List.copyOf(entries);
        }
    }

    /** {@code status}: 400 for a request that can never succeed, 409 for one the account's state refuses. */
    record Refused(int status, String reason) implements LoyaltyOutcome {
    }

    /** A level change: {@code up} at once after growth, down one level at the daily run. */
    record LevelChange(String from, String to, boolean up) {
    }
}
