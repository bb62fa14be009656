package com.mplifecycle.functions.loyalty;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.mplifecycle.aws.log.JsonLogger;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.LoyaltyStore;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.loyalty.LoyaltyOutcome;
import com.mplifecycle.domain.loyalty.LoyaltyRules;

/**
 * The daily run: every account is checked with {@link LoyaltyRules#daily} on the scanned copy, and only
 * accounts with something to do (points due to expire, a level to lose, old orders to forget) are
 * written, each as one cause-keyed change, so a rerun of the same day records nothing twice.
 */
final class DailyRun {
    private final Accounts accounts;
    private final AppStore apps;
    private final Clock clock;
    private final JsonLogger log;
    private final LoyaltyStatusWriter status;

    DailyRun(Accounts accounts, AppStore apps, Clock clock, JsonLogger log, LoyaltyStatusWriter status) {
        this.status = status;
        this.accounts = accounts;
        this.apps = apps;
        this.clock = clock;
        this.log = log;
    }

    Map<String, Object> run(String runId) {
        Instant now = clock.instant();
        long[] counts = new long[5];
        accounts.store().scanAccounts(0, 1, page -> page.forEach(stored -> {
            counts[0]++;
            AppSettings s = apps.settingsOrDefaults(stored.appId());
            LoyaltyRules rules = new LoyaltyRules(s.loyaltySettings(), s.timeZone());
            LoyaltyOutcome.Changed preview = (LoyaltyOutcome.Changed) rules.daily(stored.account(), now);
            if (preview.after().equals(stored.account()) && preview.entries().isEmpty()) {
                // a level-up of the last day whose profile did not exist yet when it happened
                if (stored.account().levelUpAt() != null
                        && stored.account().levelUpAt().isAfter(now.minus(java.time.Duration.ofDays(1)))) {
                    status.sync(stored.appId(), stored.customerId(), stored.account(), false);
                }
                return;
            }
            Accounts.Applied applied = accounts.apply(stored.appId(), stored.customerId(), a -> rules.daily(a, now));
            if (applied instanceof Accounts.Applied.Done done) {
                counts[1]++;
                counts[2] += done.change().entries().stream().mapToLong(e -> -e.points()).sum();
                if (done.change().levelChange() != null) {
                    counts[3]++;
                }
            }
        }));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("accounts", counts[0]);
        summary.put("written", counts[1]);
        summary.put("pointsExpired", counts[2]);
        summary.put("downgrades", counts[3]);
        log.info(runId, "loyalty daily run", "accounts", counts[0], "written", counts[1], "pointsExpired", counts[2],
                "downgrades", counts[3]);
        return summary;
    }

    LoyaltyStore store() {
        return accounts.store();
    }
}
