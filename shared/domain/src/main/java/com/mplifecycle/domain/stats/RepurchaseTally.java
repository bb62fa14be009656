package com.mplifecycle.domain.stats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeMap;

import com.mplifecycle.domain.profile.CustomerProfile;

/**
 * Repurchase over profiles: a buyer has at least one counted (not fully refunded) paid order, a
 * repeat buyer two or more, lifetime. The month is that of the first counted order the profile
 * still holds (orders older than about 400 days are archived as totals, so for long-standing
 * buyers it is the first order of the last 400 days). Not thread-safe.
 */
public final class RepurchaseTally {
    private final ZoneId zone;
    private final TreeMap<YearMonth, RepurchaseMonth> months = new TreeMap<>();

    public RepurchaseTally(ZoneId zone) {
        this.zone = zone;
    }

    public void add(CustomerProfile p) {
        long orders = p.paidOrders();
        if (orders == 0 || p.firstOrderAt() == null) {
            return;
        }
        YearMonth month = YearMonth.from(LocalDate.ofInstant(p.firstOrderAt(), zone));
        months.merge(month, new RepurchaseMonth(month, 1, orders >= 2 ? 1 : 0), RepurchaseTally::sum);
    }

    public List<RepurchaseMonth> months() {
        return List.copyOf(months.values());
    }

    private static RepurchaseMonth sum(RepurchaseMonth a, RepurchaseMonth b) {
        return new RepurchaseMonth(a.month(), a.buyers() + b.buyers(), a.repeatBuyers() + b.repeatBuyers());
    }
}
