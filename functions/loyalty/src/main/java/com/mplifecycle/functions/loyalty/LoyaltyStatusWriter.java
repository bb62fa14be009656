package com.mplifecycle.functions.loyalty;

import java.util.Objects;
import java.util.Optional;

import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.StoredCustomer;
import com.mplifecycle.domain.loyalty.LoyaltyRules;
import com.mplifecycle.domain.loyalty.PointsAccount;
import com.mplifecycle.domain.profile.CheckInStreak;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.LoyaltyStatus;

/**
 * Keeps the profile's {@link LoyaltyStatus} (level, last level-up, next expiry, the app's notice:
 * {@link PointsAccount#status}) in step with the account, and the profile's check-in streak with the days a
 * make-up restored, so that the campaign triggers ({@code level_up}, {@code points_expiring},
 * {@code streak_at_risk}), which
 * read profiles only, see them. Written only when it differs, conditionally on the profile's version like
 * every profile write. The lifecycle fold creates profiles from the same stream records the ledger reads, so a
 * first order can reach the ledger before its profile exists: the writer waits a moment for it, and the daily
 * run syncs recent level-ups again; an erased customer gets nothing.
 */
final class LoyaltyStatusWriter {
    static final int ATTEMPTS = 6;
    static final long WAIT_MS = 100;

    private final ProfileStore profiles;
    private final AppStore apps;

    LoyaltyStatusWriter(ProfileStore profiles, AppStore apps) {
        this.profiles = profiles;
        this.apps = apps;
    }

    /** @param waitForProfile whether to wait a moment for a profile that does not exist yet (the stream) */
    void sync(String appId, String customerId, PointsAccount account, boolean waitForProfile) {
        LoyaltyStatus status = account.status(apps.settingsOrDefaults(appId).loyaltySettings().expiringNoticeDays());
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<StoredCustomer> stored = profiles.loadForFold(appId, customerId);
            if (stored.isPresent() && stored.get().erasedAt() != null && stored.get().profile().isEmpty()) {
                return;
            }
            if (stored.isEmpty() || stored.get().profile().isEmpty()) {
                if (!waitForProfile) {
                    return;
                }
                pause();
                continue;
            }
            CustomerProfile p = stored.get().profile();
            CheckInStreak streak = LoyaltyRules.withMadeUpDays(p.checkIn(), account.checkIns());
            if (status.equals(p.loyalty()) && Objects.equals(streak, p.checkIn())) {
                return;
            }
            if (profiles.save(p.toBuilder().loyalty(status).checkIn(streak).build(), stored.get().erasedAt())
                    .isPresent()) {
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
