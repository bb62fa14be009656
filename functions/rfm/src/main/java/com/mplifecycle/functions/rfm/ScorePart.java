package com.mplifecycle.functions.rfm;

import java.util.Map;

import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.rfm.RfmSegment;
import com.mplifecycle.domain.stats.CustomerStatistics;

/** Pass 2 of one app over one slice of a fanned-out run: the counts its run record adds up. */
record ScorePart(String appId, Map<RfmSegment, Long> segmentCounts, Map<Stage, Long> stages,
                 CustomerStatistics customerStatistics) {
}
