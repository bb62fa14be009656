package com.mplifecycle.local.analyze;

import java.util.Locale;

/** The order file layouts {@code analyze} reads. */
enum OrderFormat {
    /** Comma-separated with a header row; columns chosen by name, amounts in currency units. */
    CSV,
    /** The CDNOW sample: no header, whitespace columns master_id sample_id yyyymmdd n_cds dollars. */
    CDNOW;

    static OrderFormat named(String name) throws AnalyzeOptions.UsageException {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AnalyzeOptions.UsageException("--format must be csv or cdnow: " + name);
        }
    }
}
