package com.mplifecycle.aws.store;

import com.mplifecycle.domain.churn.BgNbdParameters;
import com.mplifecycle.domain.rfm.RfmStatisticsSnapshot;

/**
 * A part the RFM function's fan-out stores in the run table ({@link RfmRunStore#putPart}); its JSON adapter is generated.
 * One app's merged pass-1 result of a fanned-out run: what every score invocation scores against.
 * {@code model} is null when the app has too few buyers to fit BG/NBD.
 */
public record ModelPart(String appId, long customers, RfmStatisticsSnapshot statistics, BgNbdParameters model) {
}
