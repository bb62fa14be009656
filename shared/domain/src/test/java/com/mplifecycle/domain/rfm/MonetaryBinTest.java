package com.mplifecycle.domain.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MonetaryBinTest {

    @Test
    void of_smallAmounts_eachGetOwnBin() {
        for (long fen = 0; fen < 100; fen++) {
            assertNotEquals(MonetaryBin.of(fen), MonetaryBin.of(fen + 1), "fen " + fen);
        }
    }

    @Test
    void of_amountsInOneBin_areWithinOnePercent() {
        long low = 1_000_000;
        long high = low;
        while (MonetaryBin.of(high + 1) == MonetaryBin.of(low)) {
            high++;
        }
        assertTrue(high <= low * 1.01, "bin spans " + low + ".." + high);
    }

    @Test
    void of_increasingAmounts_neverDecrease() {
        int previous = 0;
        for (long fen = 1; fen < 10_000_000_000L; fen = fen * 3 / 2 + 1) {
            int bin = MonetaryBin.of(fen);
            assertTrue(bin >= previous);
            previous = bin;
        }
    }

    @Test
    void of_hugeAmount_staysSmall() {
        assertEquals(3_472, MonetaryBin.of(1_000_000_000_000_000L), 2);
    }
}
