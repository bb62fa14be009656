package com.mplifecycle.domain.profile;

import java.time.Instant;
import java.util.List;

/** Basic profile data from {@code profile_update}; the latest update of each field wins. */
public record Demographics(String birthday, String gender, String region, List<String> tags, Instant updatedAt) {
    public Demographics {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
