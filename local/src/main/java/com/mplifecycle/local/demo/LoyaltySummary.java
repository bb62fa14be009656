package com.mplifecycle.local.demo;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.mplifecycle.aws.store.LoyaltyStore;
import com.mplifecycle.domain.loyalty.LedgerEntry;
import com.mplifecycle.domain.loyalty.Level;
import com.mplifecycle.domain.loyalty.LoyaltySettings;
import com.mplifecycle.domain.loyalty.PointsAccount;
import com.mplifecycle.domain.loyalty.ReferralRules;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the demo's members did with points: issued, spent, expired, held, members per level, and the
 * referral rewards (sharers rewarded for newcomers' first server orders, welcome bonuses).
 */
public final class LoyaltySummary {
    private LoyaltySummary() {
    }

    /** @param loyalty the app's settings in force: members are counted under its levels */
    public static void print(DynamoDbClient db, String loyaltyTable, String appId, LoyaltySettings loyalty,
                             PrintStream out) {
        long[] totals = new long[5];
        Map<String, Integer> perLevel = new LinkedHashMap<>();
        for (Level level : loyalty.levels()) {
            perLevel.put(level.name(), 0);
        }
        new LoyaltyStore(db, loyaltyTable).scanAccounts(0, 1, page -> page.stream()
                .filter(a -> appId.equals(a.appId())).forEach(stored -> {
                    PointsAccount a = stored.account();
                    totals[0]++;
                    totals[1] += a.earned();
                    totals[2] += a.spent();
                    totals[3] += a.expired();
                    totals[4] += a.balance();
                    // a level renamed since is held as the lowest until the daily run re-places the member
                    perLevel.merge(loyalty.levels().get(loyalty.indexOf(a.level())).name(), 1, Integer::sum);
                }));
        out.printf("  points (%d members with an account): issued %d, spent %d, expired %d, held %d%n", totals[0],
                totals[1], totals[2], totals[3], totals[4]);
        out.print("  members per level:");
        perLevel.forEach((level, n) -> out.printf(" %s %d", level, n));
        out.println();
        long[] referral = new long[5];
        new LoyaltyStore(db, loyaltyTable).scanEntries(LedgerEntry.causeOf(LedgerEntry.Kind.REFERRAL, ""), stored -> {
            if (!appId.equals(stored.appId())) {
                return;
            }
            String cause = stored.entry().cause();
            if (cause.equals(ReferralRules.welcomeRefundedCause()) || cause.endsWith(":refunded")) {
                referral[4] -= stored.entry().points();
            } else if (cause.equals(ReferralRules.welcomeCause())) {
                referral[2]++;
                referral[3] += stored.entry().points();
            } else {
                referral[0]++;
                referral[1] += stored.entry().points();
            }
        });
        out.printf("  referral rewards: %d first orders of customers brought by a share: %d points to their sharers, "
                + "%d welcome points to %d newcomers; %d taken back after full refunds%n", referral[0], referral[1],
                referral[3], referral[2], referral[4]);
    }
}
