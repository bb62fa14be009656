package com.mplifecycle.aws.store;

import java.util.ArrayList;
import java.util.List;

import com.mplifecycle.domain.churn.RepeatSummary;
import com.mplifecycle.domain.churn.RepeatSummarySample.Keyed;
import com.mplifecycle.domain.rfm.RfmStatisticsSnapshot;

/**
 * A part the RFM function's fan-out stores in the run table ({@link RfmRunStore#putPart}); its JSON adapter is generated.
 * Pass 1 of one app over one slice of a fanned-out run, as stored between invocations.
 * The slice's BG/NBD sample (by customer key) is {@code priorities}, the key hashes, and
 * {@code summaries}, flattened to whole days: x, t_x days, T days per customer (summaries are in
 * weeks of whole days, so the conversion is exact).
 */
public record TallyPart(String appId, long customers, RfmStatisticsSnapshot statistics, long buyers, long repeatBuyers,
                 long[] priorities, int[] summaries) {

    public static TallyPart of(String appId, long customers, RfmStatisticsSnapshot statistics, long buyers,
                        long repeatBuyers, List<Keyed> sample) {
        long[] priorities = new long[sample.size()];
        int[] days = new int[sample.size() * 3];
        for (int i = 0; i < sample.size(); i++) {
            RepeatSummary s = sample.get(i).summary();
            priorities[i] = sample.get(i).priority();
            days[3 * i] = (int) s.x();
            days[3 * i + 1] = (int) Math.round(s.tx() * RepeatSummary.DAYS_PER_WEEK);
            days[3 * i + 2] = (int) Math.round(s.T() * RepeatSummary.DAYS_PER_WEEK);
        }
        return new TallyPart(appId, customers, statistics, buyers, repeatBuyers, priorities, days);
    }

    public List<Keyed> sample() {
        List<Keyed> list = new ArrayList<>(priorities.length);
        for (int i = 0; i < priorities.length; i++) {
            list.add(new Keyed(priorities[i], new RepeatSummary(summaries[3 * i],
                    summaries[3 * i + 1] / RepeatSummary.DAYS_PER_WEEK, summaries[3 * i + 2] / RepeatSummary.DAYS_PER_WEEK)));
        }
        return list;
    }
}
