package com.mplifecycle.domain.rfm;

/**
 * The 8-cell RFM model used by Chinese operators. Each axis is high or low against the mean
 * over buyers: R high iff days since the last order are at most the mean (more recent is
 * high, the raw day count is not), F high iff F is at least the mean, M high iff M is at
 * least the mean.
 */
public enum RfmSegment {
    /** 重要价值: R, F, M high. */
    IMPORTANT_VALUE,
    /** 重要发展: R high, F low, M high. */
    IMPORTANT_DEVELOP,
    /** 重要保持: R low, F high, M high. */
    IMPORTANT_RETAIN,
    /** 重要挽留: R low, F low, M high. */
    IMPORTANT_WINBACK,
    /** 一般价值: R, F high, M low. */
    GENERAL_VALUE,
    /** 一般发展: R high, F low, M low. */
    GENERAL_DEVELOP,
    /** 一般保持: R low, F high, M low. */
    GENERAL_RETAIN,
    /** 一般挽留: R, F, M low. */
    GENERAL_WINBACK;

    public static RfmSegment of(boolean recencyHigh, boolean frequencyHigh, boolean monetaryHigh) {
        if (monetaryHigh) {
            if (recencyHigh) {
                return frequencyHigh ? IMPORTANT_VALUE : IMPORTANT_DEVELOP;
            }
            return frequencyHigh ? IMPORTANT_RETAIN : IMPORTANT_WINBACK;
        }
        if (recencyHigh) {
            return frequencyHigh ? GENERAL_VALUE : GENERAL_DEVELOP;
        }
        return frequencyHigh ? GENERAL_RETAIN : GENERAL_WINBACK;
    }
}
