package com.mplifecycle.functions.loyalty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mplifecycle.domain.loyalty.Level;
import com.mplifecycle.domain.loyalty.LedgerEntry;
import com.mplifecycle.domain.loyalty.LoyaltyRules;
import com.mplifecycle.domain.loyalty.PointsAccount;
import com.mplifecycle.domain.loyalty.Reward;

/** The JSON shapes of the loyalty routes (see docs/openapi.yaml). */
final class LoyaltyViews {
    /** Next expiries shown to a customer. */
    static final int EXPIRIES_SHOWN = 5;
    static final int PAGE = 50;

    private LoyaltyViews() {
    }

    static Map<String, Object> points(PointsAccount a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("balance", a.balance());
        m.put("expiring", expiring(a));
        return m;
    }

    static List<Map<String, Object>> expiring(PointsAccount a) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<LocalDate, Long> lot : a.lots().entrySet()) {
            if (out.size() == EXPIRIES_SHOWN) {
                break;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("points", lot.getValue());
            m.put("on", lot.getKey().toString());
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> level(LoyaltyRules rules, PointsAccount a, Instant now) {
        List<Level> levels = rules.settings().levels();
        int held = rules.settings().indexOf(a.level());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", levels.get(held).name());
        m.put("growth", rules.growth(a, rules.today(now)));
        m.put("multiplier", levels.get(held).multiplier());
        if (held + 1 < levels.size()) {
            Map<String, Object> next = new LinkedHashMap<>();
            next.put("name", levels.get(held + 1).name());
            next.put("growth", levels.get(held + 1).growth());
            m.put("next", next);
        } else {
            m.put("next", null);
        }
        return m;
    }

    static Map<String, Object> checkIn(PointsAccount a, LocalDate today) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("streak", LoyaltyRules.streak(a.checkIns(), today));
        m.put("today", LoyaltyRules.checkedIn(a.checkIns(), today));
        return m;
    }

    static Map<String, Object> entry(LedgerEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cause", e.cause());
        m.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("points", e.points());
        m.put("balance", e.balance());
        m.put("at", e.at().toString());
        m.put("ref", e.ref());
        m.put("note", e.note());
        return m;
    }

    /** One page of the ledger, newest first; the cursor is the offset of the next page. */
    static Map<String, Object> ledgerPage(List<LedgerEntry> entries, String cursor) {
        int from = 0;
        if (cursor != null && !cursor.isEmpty()) {
            try {
                from = Integer.parseInt(cursor);
            } catch (NumberFormatException e) {
                throw new com.mplifecycle.aws.http.BadRequestException(400, "cursor must be one that a page returned");
            }
            if (from < 0) {
                throw new com.mplifecycle.aws.http.BadRequestException(400, "cursor must be one that a page returned");
            }
        }
        int to = Math.min(entries.size(), from + PAGE);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entries", from >= entries.size() ? List.of()
                : entries.subList(from, to).stream().map(LoyaltyViews::entry).toList());
        m.put("cursor", to < entries.size() ? Integer.toString(to) : null);
        return m;
    }

    static Map<String, Object> reward(Reward r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rewardId", r.rewardId());
        m.put("name", r.name());
        m.put("costPoints", r.costPoints());
        m.put("stock", r.stock());
        m.put("minLevel", r.minLevel());
        m.put("enabled", r.enabled());
        return m;
    }

    static Map<String, Object> redemption(LedgerEntry e, long costPoints) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("redemptionId", e.cause().substring(e.cause().indexOf(':') + 1));
        m.put("rewardId", e.ref());
        m.put("name", e.note());
        m.put("costPoints", costPoints);
        m.put("balance", e.balance());
        m.put("at", e.at().toString());
        return m;
    }
}
