package com.mplifecycle.domain.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.Cart;
import com.mplifecycle.domain.profile.CheckInStreak;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.Demographics;
import com.mplifecycle.domain.profile.Order;

/** Profiles for campaign tests, built directly (the fold is tested elsewhere). */
final class Profiles {
    private Profiles() {
    }

    static CustomerProfile.Builder base(String customerId, Instant firstSeen) {
        return CustomerProfile.empty("shop", customerId).toBuilder().openid("o-" + customerId)
                .stage(Stage.NEW, firstSeen).firstSeenAt(firstSeen).lastActiveAt(firstSeen);
    }

    static CustomerProfile withCredit(CustomerProfile.Builder b, String templateId, int credits) {
        List<String> grants = new java.util.ArrayList<>();
        for (int i = 0; i < credits; i++) {
            grants.add("g" + i + ":" + templateId);
        }
        return b.creditGrants(Map.of(templateId, grants)).build();
    }

    static Order paid(String id, Instant at) {
        return new Order(id, at, 1000, Map.of(), null);
    }

    static Cart cart(Instant at) {
        return new Cart(Map.of("sku-1", 2L), 2580, at);
    }

    static Demographics birthday(String monthDay) {
        return new Demographics(monthDay, null, null, List.of(), Instant.EPOCH);
    }

    static CheckInStreak streak(LocalDate last, int length) {
        return new CheckInStreak(last, length);
    }
}
