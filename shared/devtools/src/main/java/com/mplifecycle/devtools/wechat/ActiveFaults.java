package com.mplifecycle.devtools.wechat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Injected faults in the order they were given, each with the calls it still has to answer. */
final class ActiveFaults {
    private static final class Pending {
        final Fault fault;
        int remaining;

        Pending(Fault fault) {
            this.fault = fault;
            this.remaining = fault.count();
        }
    }

    private final List<Pending> pending = new ArrayList<>();

    synchronized void add(Fault fault) {
        pending.add(new Pending(fault));
    }

    synchronized void clear() {
        pending.clear();
    }

    /** The oldest fault that answers this call, spending one of its calls. */
    synchronized Optional<Fault> take(String api) {
        for (Iterator<Pending> it = pending.iterator(); it.hasNext();) {
            Pending next = it.next();
            if (next.fault.appliesTo(api)) {
                if (--next.remaining == 0) {
                    it.remove();
                }
                return Optional.of(next.fault);
            }
        }
        return Optional.empty();
    }
}
