package com.mplifecycle.local.demo;

import java.io.PrintStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.store.LoyaltyStore;
import com.mplifecycle.domain.loyalty.LedgerEntry;
import com.mplifecycle.domain.loyalty.ReferralRules;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the demo's members did with points: the admin API's loyalty figures (issued, spent, expired, due
 * soon, customers per level), and the referral rewards (sharers rewarded for newcomers' first server orders, welcome bonuses).
 */
public final class LoyaltySummary {
    private LoyaltySummary() {
    }

    /**
     * @param stats {@code GET /v1/apps/{appId}/stats/loyalty} over the demo's days: points issued, spent,
     *     expired and due soon, redemptions and customers per level, as the operators' console shows them
     */
    public static void print(DynamoDbClient db, String loyaltyTable, String appId, JsonNode stats, PrintStream out) {
        out.println("  loyalty (GET /v1/apps/{appId}/stats/loyalty):");
        out.printf("    points issued %d, spent %d, expired %d, %d due to expire in the next %d days; %d redemptions%n",
                stats.path("issued").asLong(), stats.path("spent").asLong(), stats.path("expired").asLong(),
                stats.path("expiringSoon").asLong(), stats.path("expiringDays").asInt(), stats.path("redeemed").asLong());
        out.print("    customers per level:");
        stats.path("customersByLevel").forEach(l -> out.printf(" %s %d", l.path("level").asText(),
                l.path("customers").asLong()));
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
