package com.mplifecycle.aws.store;

import java.util.Map;

import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.rfm.RfmSegment;
import com.mplifecycle.domain.stats.CustomerStatistics;

/**
 * A part the RFM function's fan-out stores in the run table ({@link RfmRunStore#putPart}); its JSON adapter is generated. Pass 2 of one app over one slice of a fanned-out run: the counts its run record adds up. */
public record ScorePart(String appId, Map<RfmSegment, Long> segmentCounts, Map<Stage, Long> stages,
                 CustomerStatistics customerStatistics) {
}
