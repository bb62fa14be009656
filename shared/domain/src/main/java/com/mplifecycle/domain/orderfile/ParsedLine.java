package com.mplifecycle.domain.orderfile;

/** What one data line of an order file gave: an order, or the reason it was rejected. */
public sealed interface ParsedLine permits ImportedOrder, RejectedLine {
    /** 1-based line number in the file (the header is line 1). */
    int lineNumber();
}
