package com.mplifecycle.devtools.events;

import java.util.List;

/** Outcome of a publish call; {@code entries} is in request order, like the PutEvents response. */
public record PublishResult(List<EntryResult> entries) {

    public PublishResult {
        entries = List.copyOf(entries);
    }

    public int failedEntryCount() {
        return (int) entries.stream().filter(EntryResult::isFailure).count();
    }
}
