package com.mplifecycle.functions.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.CustomerScores;
import com.mplifecycle.domain.profile.LastPush;
import com.mplifecycle.domain.profile.LoyaltyStatus;
import com.mplifecycle.domain.profile.Order;
import com.mplifecycle.domain.profile.RfmSnapshot;

/** The admin API's view of a profile (GET /v1/apps/{appId}/customers/{customerId}). */
final class ProfileView {
    private ProfileView() {
    }

    /** @param scores the app's last scheduled run, which {@code rfm} and {@code churn} follow from */
    static Map<String, Object> of(CustomerProfile p, CustomerScores scores, ZoneId zone, Instant now,
                                  int activeWindowDays) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("customerId", p.customerId());
        v.put("appId", p.appId());
        v.put("stage", p.stage() == null ? null : p.stage().name());
        v.put("stageSince", text(p.stageSince()));
        v.put("firstSeenAt", text(p.firstSeenAt()));
        v.put("lastActiveAt", text(p.lastActiveAt()));
        v.put("activeDays30", p.activeDaysWithin(LocalDate.ofInstant(now, zone), activeWindowDays));
        v.put("orders", p.paidOrders());
        v.put("revenueFen", p.revenueFen());
        v.put("lastOrderAt", text(p.lastOrderAt()));
        v.put("recentOrders", p.orders().stream().map(ProfileView::order).toList());
        v.put("rfm", scores.rfm(p).map(r -> rfm(r, p, zone, now)).orElse(null));
        v.put("churn", scores.churn(p).map(c -> Map.of("pAlive", c.pAlive(), "expectedPurchases30d",
                c.expectedPurchases30d(), "computedAt", c.computedAt().toString())).orElse(null));
        v.put("credits", p.credits());
        v.put("checkInStreak", p.checkIn() == null ? 0 : p.checkIn().length());
        v.put("lastPush", p.lastPush() == null ? null : lastPush(p.lastPush()));
        v.put("loyalty", p.loyalty() == null ? null : loyalty(p.loyalty()));
        v.put("referredBy", p.referredBy() == null ? null : Map.of("customerId", p.referredBy().sharerId(),
                "shareId", p.referredBy().shareId(), "at", p.referredBy().at().toString()));
        return v;
    }

    /** What campaigns read of the points account: the last level-up, the next expiry, the latest referral reward. */
    private static Map<String, Object> loyalty(LoyaltyStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("level", s.level());
        m.put("levelUpAt", text(s.levelUpAt()));
        m.put("nextExpiryOn", s.nextExpiryOn() == null ? null : s.nextExpiryOn().toString());
        m.put("nextExpiryPoints", s.nextExpiryPoints());
        m.put("referralRewardFor", s.referralRewardFor());
        m.put("referralRewardAt", text(s.referralRewardAt()));
        return m;
    }

    /** An order the profile keeps (about 400 days), with where it came from: server, import or client. */
    private static Map<String, Object> order(Order o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", o.orderId());
        m.put("paidAt", text(o.paidAt()));
        m.put("amountFen", o.amountFen());
        m.put("refundedFen", o.refundedFen());
        m.put("source", o.sourceOrClient());
        return m;
    }

    private static Map<String, Object> rfm(RfmSnapshot rfm, CustomerProfile p, ZoneId zone, Instant now) {
        Map<String, Object> r = new LinkedHashMap<>();
        // The scores are as of the run's day; the current recency follows from the last order.
        r.put("recencyDays", p.lastOrderAt() == null ? rfm.recencyDays() : RfmSnapshot.recencyDaysOn(
                LocalDate.ofInstant(p.lastOrderAt(), zone), LocalDate.ofInstant(now, zone)));
        r.put("frequency", rfm.frequency());
        r.put("monetaryFen", rfm.monetaryFen());
        r.put("rScore", rfm.rScore());
        r.put("fScore", rfm.fScore());
        r.put("mScore", rfm.mScore());
        r.put("segment", rfm.segment().name());
        r.put("valueTier", rfm.valueTier().name());
        r.put("memberClass", rfm.memberClass().name());
        r.put("computedAt", rfm.computedAt().toString());
        return r;
    }

    private static Map<String, Object> lastPush(LastPush push) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("campaignId", push.campaignId());
        m.put("variant", push.variant());
        m.put("holdout", push.holdout());
        m.put("at", push.at().toString());
        return m;
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
