package com.mplifecycle.functions.rfm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.churn.BgNbdModel;
import com.mplifecycle.domain.churn.RepeatSummarySample;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.rfm.Order;
import com.mplifecycle.domain.rfm.RfmStatistics;
import com.mplifecycle.domain.rfm.RfmWindow;

/**
 * Pass 1 for one app: RFM statistics over the buyers of the 365 days ending on the run's local
 * day, and a bounded sample of BG/NBD summaries. Memory is bounded by the window and the sample
 * capacity, never by the number of customers. Thread-safe: the scan segments of one app share it.
 */
final class AppTally {
    private final AppSettings settings;
    private final Instant now;
    private final RfmWindow window;
    private final RfmStatistics statistics;
    private final RepeatSummarySample sample = RepeatSummarySample.create();
    private long customers;

    AppTally(AppSettings settings, Instant now) {
        this.settings = settings;
        this.now = now;
        this.window = RfmWindow.endingOn(LocalDate.ofInstant(now, settings.timeZone()));
        this.statistics = RfmStatistics.create(window);
    }

    synchronized void add(CustomerProfile profile) {
        customers++;
        List<Order> orders = PurchaseHistory.rfmOrders(profile, settings.timeZone());
        if (orders.isEmpty()) {
            return;
        }
        window.values(orders).ifPresent(statistics::add);
        // sampled by customer, so the fit does not depend on the order the parallel scan delivered them
        PurchaseHistory.repeatSummary(orders, window.asOf()).ifPresent(s -> sample.add(s, profile.customerId()));
    }

    /** Ends pass 1: freezes the statistics and fits the churn model where there is enough data. */
    synchronized AppScorer freeze() {
        return new AppScorer(settings, now, window, customers, statistics.freeze(), BgNbdModel.fit(sample));
    }
}
