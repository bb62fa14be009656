package com.mplifecycle.aws.orderimport;

import java.util.List;
import java.util.Map;

import com.mplifecycle.domain.lifecycle.Stage;

/**
 * What an import did. {@code written} profiles changed, {@code unchanged} already held every
 * order; {@code ordersKnown} were skipped as already counted; {@code conflicts} are version
 * conflicts that were retried; {@code failed} customers could not be written ({@code failures}
 * names the first few). {@code stages} counts the imported customers' stages after the import.
 */
public record ImportSummary(int customers, long written, long unchanged, long ordersAdded, long ordersKnown,
                            long conflicts, long failed, List<String> failures, Map<Stage, Long> stages,
                            long elapsedMs) {
    public ImportSummary {
        failures = List.copyOf(failures);
        stages = Map.copyOf(stages);
    }
}
