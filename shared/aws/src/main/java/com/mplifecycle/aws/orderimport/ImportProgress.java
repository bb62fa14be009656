package com.mplifecycle.aws.orderimport;

/** Where a running import is: customers done of all, profiles written so far, time since start. */
public record ImportProgress(int customersDone, int customersTotal, long written, long ordersAdded, long elapsedMs) {
}
