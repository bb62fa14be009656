package com.mplifecycle.domain.rfm;

import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;

/** A frozen histogram that answers "how many buyers below / at this key" in O(log n). */
final class CumulativeCounts {

    private final int[] keys;
    private final long[] countsBelow;
    private final long[] countsAt;
    private final long total;

    private CumulativeCounts(SortedMap<Integer, Long> counts) {
        keys = new int[counts.size()];
        countsBelow = new long[counts.size()];
        countsAt = new long[counts.size()];
        long running = 0;
        int i = 0;
        for (Map.Entry<Integer, Long> entry : counts.entrySet()) {
            keys[i] = entry.getKey();
            countsBelow[i] = running;
            countsAt[i] = entry.getValue();
            running += entry.getValue();
            i++;
        }
        total = running;
    }

    static CumulativeCounts of(SortedMap<Integer, Long> counts) {
        return new CumulativeCounts(counts);
    }

    long below(int key) {
        int index = Arrays.binarySearch(keys, key);
        if (index >= 0) {
            return countsBelow[index];
        }
        int insertion = -index - 1;
        return insertion < keys.length ? countsBelow[insertion] : total;
    }

    long at(int key) {
        int index = Arrays.binarySearch(keys, key);
        return index >= 0 ? countsAt[index] : 0;
    }

    long above(int key) {
        return total - below(key) - at(key);
    }
}
