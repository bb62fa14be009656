package com.mplifecycle.functions.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.LastPush;
import com.mplifecycle.domain.profile.RfmSnapshot;

/** The admin API's view of a profile (GET /v1/apps/{appId}/customers/{customerId}). */
final class ProfileView {
    private ProfileView() {
    }

    static Map<String, Object> of(CustomerProfile p, ZoneId zone, Instant now, int activeWindowDays) {
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
        v.put("rfm", p.rfm() == null ? null : rfm(p, zone, now));
        v.put("churn", p.churn() == null ? null : Map.of("pAlive", p.churn().pAlive(),
                "expectedPurchases30d", p.churn().expectedPurchases30d(), "computedAt", p.churn().computedAt().toString()));
        v.put("credits", p.credits());
        v.put("checkInStreak", p.checkIn() == null ? 0 : p.checkIn().length());
        v.put("lastPush", p.lastPush() == null ? null : lastPush(p.lastPush()));
        return v;
    }

    private static Map<String, Object> rfm(CustomerProfile p, ZoneId zone, Instant now) {
        Map<String, Object> r = new LinkedHashMap<>();
        // Stored recency is as of the last write; the current value follows from the last order.
        r.put("recencyDays", p.lastOrderAt() == null ? p.rfm().recencyDays() : RfmSnapshot.recencyDaysOn(
                LocalDate.ofInstant(p.lastOrderAt(), zone), LocalDate.ofInstant(now, zone)));
        r.put("frequency", p.rfm().frequency());
        r.put("monetaryFen", p.rfm().monetaryFen());
        r.put("rScore", p.rfm().rScore());
        r.put("fScore", p.rfm().fScore());
        r.put("mScore", p.rfm().mScore());
        r.put("segment", p.rfm().segment().name());
        r.put("valueTier", p.rfm().valueTier().name());
        r.put("memberClass", p.rfm().memberClass().name());
        r.put("computedAt", p.rfm().computedAt().toString());
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
