package com.mplifecycle.functions.rfm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mplifecycle.aws.store.TallyPart;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.churn.BgNbdModel;
import com.mplifecycle.domain.churn.RepeatSummarySample;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.PurchaseHistory;
import com.mplifecycle.domain.rfm.Order;
import com.mplifecycle.domain.rfm.RfmStatistics;
import com.mplifecycle.domain.rfm.RfmWindow;

/**
 * Pass 1 for one app: RFM statistics over the buyers of the 365 days ending on the run's local
 * day, and a bounded sample of BG/NBD summaries. Memory is bounded by the window and the sample
 * capacity, never by the number of customers. Thread-safe: the scan workers of one app share it.
 *
 * <p>In a fanned-out run each invocation keeps a sample of {@code capacity / slices} and stores
 * its {@link #part()}; {@link #merge} adds the parts up (statistics exactly, samples by customer
 * key as {@link RepeatSummarySample#merge}), so the merged result equals one tally over all
 * slices whenever no slice holds more than its share of the one-pass sample (always when an
 * app has fewer buyers than {@code capacity / slices} per slice).
 */
final class AppTally {
    private final AppSettings settings;
    private final Instant now;
    private final RfmWindow window;
    private final RfmStatistics statistics;
    private final RepeatSummarySample sample;
    private long customers;

    AppTally(AppSettings settings, Instant now) {
        this(settings, now, RepeatSummarySample.DEFAULT_CAPACITY);
    }

    AppTally(AppSettings settings, Instant now, int sampleCapacity) {
        this.settings = settings;
        this.sample = RepeatSummarySample.create(sampleCapacity, RepeatSummarySample.DEFAULT_SEED);
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

    synchronized TallyPart part() {
        return TallyPart.of(settings.appId(), customers, statistics.freeze(), sample.buyers(), sample.repeatBuyers(),
                sample.keyed());
    }

    /** Ends pass 1 of a fanned-out run: adds up the parts of one app and fits its churn model. */
    static AppScorer merge(AppSettings settings, Instant now, List<TallyPart> parts) {
        RfmWindow window = RfmWindow.endingOn(LocalDate.ofInstant(now, settings.timeZone()));
        RfmStatistics statistics = RfmStatistics.create(window);
        List<RepeatSummarySample.Keyed> sampled = new ArrayList<>();
        long customers = 0;
        long buyers = 0;
        long repeatBuyers = 0;
        for (TallyPart part : parts) {
            statistics.merge(RfmStatistics.from(part.statistics()));
            sampled.addAll(part.sample());
            customers += part.customers();
            buyers += part.buyers();
            repeatBuyers += part.repeatBuyers();
        }
        Optional<BgNbdModel> model = BgNbdModel.fit(
                RepeatSummarySample.merge(RepeatSummarySample.DEFAULT_CAPACITY, sampled, buyers, repeatBuyers));
        return new AppScorer(settings, now, window, customers, statistics.freeze(), model);
    }
}
