package com.mplifecycle.functions.rfm;

import com.mplifecycle.domain.churn.BgNbdParameters;
import com.mplifecycle.domain.rfm.RfmStatisticsSnapshot;

/**
 * One app's merged pass-1 result of a fanned-out run: what every score invocation scores against.
 * {@code model} is null when the app has too few buyers to fit BG/NBD.
 */
record ModelPart(String appId, long customers, RfmStatisticsSnapshot statistics, BgNbdParameters model) {
}
