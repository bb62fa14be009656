package com.mplifecycle.domain.rfm;

/**
 * A buyer's raw RFM values within a window.
 *
 * @param recencyDays days from the last paid order to the as-of date (0 = ordered that day)
 * @param frequency   paid orders in the window, at least 1
 * @param monetaryFen sum of the amounts net of refunds, in fen
 */
public record RfmValues(int recencyDays, int frequency, long monetaryFen) {

    public RfmValues {
        if (recencyDays < 0) {
            throw new IllegalArgumentException("recencyDays must be >= 0: " + recencyDays);
        }
        if (frequency < 1) {
            throw new IllegalArgumentException("frequency must be >= 1: " + frequency);
        }
        if (monetaryFen < 0) {
            throw new IllegalArgumentException("monetaryFen must be >= 0: " + monetaryFen);
        }
    }
}
