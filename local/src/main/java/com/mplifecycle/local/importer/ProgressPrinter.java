package com.mplifecycle.local.importer;

import java.io.PrintStream;
import java.util.function.Consumer;

import com.mplifecycle.aws.orderimport.ImportProgress;

/** Prints import progress at every tenth of the customers, and at least every few seconds. */
final class ProgressPrinter implements Consumer<ImportProgress> {
    static final long EVERY_MS = 5_000;

    private final PrintStream out;
    private int lastTenth;
    private long lastPrintedMs;

    ProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void accept(ImportProgress p) {
        int tenth = p.customersTotal() == 0 ? 10 : (int) (10L * p.customersDone() / p.customersTotal());
        if (tenth == lastTenth && p.elapsedMs() - lastPrintedMs < EVERY_MS) {
            return;
        }
        lastTenth = tenth;
        lastPrintedMs = p.elapsedMs();
        out.printf("  %3d%%  %,d/%,d customers, %,d profiles written, %,d orders added, %.1f s%n",
                p.customersTotal() == 0 ? 100 : 100L * p.customersDone() / p.customersTotal(), p.customersDone(),
                p.customersTotal(), p.written(), p.ordersAdded(), p.elapsedMs() / 1000.0);
    }
}
