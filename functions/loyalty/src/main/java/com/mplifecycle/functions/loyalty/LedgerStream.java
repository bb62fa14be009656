package com.mplifecycle.functions.loyalty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mplifecycle.aws.log.JsonLogger;
import com.mplifecycle.aws.store.AppStore;
import com.mplifecycle.aws.store.ChunkRecord;
import com.mplifecycle.aws.store.ProfileStore;
import com.mplifecycle.aws.store.StoredCustomer;
import com.mplifecycle.aws.store.TableKeys;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.loyalty.LedgerEntry;
import com.mplifecycle.domain.loyalty.LoyaltyOutcome;
import com.mplifecycle.domain.loyalty.LoyaltyRules;
import com.mplifecycle.domain.loyalty.ReferralRules;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.Referral;

/**
 * The events table's stream, second consumer beside the lifecycle fold: server orders earn points and
 * growth, server refunds take their share back, a {@code check_in} event dated the day ingest received it
 * earns the day's check-in points, and the first of these on a customer's birthday earns the birthday bonus.
 * A referred customer's first server order earns the referral rewards, and its full refund takes them
 * back ({@link ReferralRewards}). Client {@code order_paid} events never earn. Each cause is written once (its
 * ledger key), so a redelivered record changes nothing; records received before the customer's erasure (the
 * profile's tombstone) are dropped, as the lifecycle fold drops them; a customer that fails is reported as
 * batch item failures.
 */
final class LedgerStream {
    private final Accounts accounts;
    private final AppStore apps;
    private final ProfileStore profiles;
    private final JsonLogger log;
    private final Clock clock;

    /** How long a first order waits for its profile, in steps of 100 ms. */
    static final int PROFILE_WAIT_ATTEMPTS = 20;
    private final LoyaltyStatusWriter status;
    private final ReferralRewards referrals;

    LedgerStream(Accounts accounts, AppStore apps, ProfileStore profiles, JsonLogger log, Clock clock,
                 LoyaltyStatusWriter status) {
        this.clock = clock;
        this.status = status;
        this.accounts = accounts;
        this.apps = apps;
        this.profiles = profiles;
        this.log = log;
        this.referrals = new ReferralRewards(accounts, profiles, log);
    }

    Map<String, Object> handle(List<Map<?, ?>> records, String batchId) {
        List<Map<String, Object>> failures = new ArrayList<>();
        Map<String, List<ChunkRecord>> byCustomer = new LinkedHashMap<>();
        for (Map<?, ?> record : records) {
            if (ChunkRecord.isRemoval(record)) {
                continue;
            }
            try {
                ChunkRecord chunk = ChunkRecord.from(record);
                byCustomer.computeIfAbsent(chunk.customerKey(), k -> new ArrayList<>()).add(chunk);
            } catch (RuntimeException e) {
                log.warn(batchId, "unreadable stream record", "error", e.getMessage());
                failures.add(Map.of("itemIdentifier", String.valueOf(ChunkRecord.sequenceNumber(record))));
            }
        }
        int entries = 0;
        for (Map.Entry<String, List<ChunkRecord>> customer : byCustomer.entrySet()) {
            try {
                entries += apply(customer.getKey(), customer.getValue());
            } catch (RuntimeException e) {
                log.warn(batchId, "points not updated", "customerKey", customer.getKey(), "error", e.toString());
                customer.getValue().forEach(r -> failures.add(Map.of("itemIdentifier", r.sequenceNumber())));
            }
        }
        log.info(batchId, "ledger batch", "records", records.size(), "customers", byCustomer.size(),
                "entries", entries, "failedRecords", failures.size());
        return Map.of("batchItemFailures", failures);
    }

    /** An event with when ingest stored it: the server's time, which a client cannot choose. */
    private record Received(TrackedEvent event, Instant at) {
    }

    private int apply(String customerKey, List<ChunkRecord> chunks) {
        String appId = TableKeys.appOf(customerKey);
        String customerId = TableKeys.customerOf(customerKey);
        // one read of the profile's item: its tombstone for the erasure, its profile for the rewards below
        Optional<StoredCustomer> stored = profiles.loadForFold(appId, customerId);
        Instant erasedAt = stored.map(StoredCustomer::erasedAt).orElse(null);
        List<Received> events = new ArrayList<>();
        Instant received = clock.instant();
        // records the events table received before an erasure are the erased customer's: never earn from them
        chunks.stream().filter(c -> erasedAt == null || c.receivedAfter(erasedAt)).forEach(c -> c.events().stream()
                .filter(LedgerStream::earns)
                .forEach(e -> events.add(new Received(e, c.receivedAt() == null ? received : c.receivedAt()))));
        if (events.isEmpty()) {
            return 0;
        }
        events.sort(Comparator.comparing((Received r) -> r.event().ts()).thenComparing(r -> r.event().eventId()));
        AppSettings settings = apps.settingsOrDefaults(appId);
        LoyaltyRules rules = new LoyaltyRules(settings.loyaltySettings(), settings.timeZone());
        ReferralRules referralRules = new ReferralRules(rules);
        // the referral a first order rewards is the profile's: the lifecycle fold may not have created it yet
        boolean firstOrder = events.stream().anyMatch(r -> r.event().type() == EventType.SERVER_ORDER_PAID)
                && accounts.store().account(appId, customerId).orders().isEmpty();
        CustomerProfile profile = profile(appId, customerId, stored, firstOrder);
        MonthDay birthday = birthday(profile);
        Referral referral = profile == null ? null
                : referralRules.rewardable(customerId, profile.referredBy()).orElse(null);
        int written = 0;
        com.mplifecycle.domain.loyalty.PointsAccount last = null;
        for (Received r : events) {
            TrackedEvent e = r.event();
            Instant now = clock.instant();
            boolean money = e.type() != EventType.CHECK_IN;
            LedgerEntry welcome = referral != null && money ? referrals.welcome(appId, customerId) : null;
            Accounts.Applied applied = accounts.apply(appId, customerId,
                    a -> decide(rules, referralRules, referral, welcome, a, r, now));
            if (applied instanceof Accounts.Applied.Done done) {
                written++;
                last = done.account();
            }
            if (referral != null && e.type() == EventType.SERVER_ORDER_PAID) {
                referrals.afterOrder(referralRules, appId, customerId, referral, welcome, e.string("orderId"),
                        applied, now);
            } else if (referral != null && e.type() == EventType.SERVER_ORDER_REFUNDED) {
                referrals.afterRefund(referralRules, appId, customerId, referral, welcome, e.string("orderId"),
                        applied, now);
            }
            LocalDate day = earningDay(rules, r);
            if (day != null && birthday != null && MonthDay.from(day).equals(birthday)
                    && settings.loyaltySettings().birthdayPoints() > 0) {
                Accounts.Applied bonus = accounts.apply(appId, customerId,
                        a -> rules.birthday(a, day.getYear(), e.ts()));
                if (bonus instanceof Accounts.Applied.Done done) {
                    written++;
                    last = done.account();
                }
            }
        }
        if (last != null) {
            // the first order may arrive before the lifecycle fold created the profile: wait for it a moment
            // (unless it was waited for above already)
            status.sync(appId, customerId, last, profile != null || !firstOrder);
        }
        return written;
    }

    /**
     * The day an event earns on, for the birthday bonus: a server order's payment day (the merchant's
     * server is trusted), a check-in's date when it is the day ingest received it; null for refunds and
     * for check-ins of another day (which earn nothing).
     */
    private static LocalDate earningDay(LoyaltyRules rules, Received r) {
        TrackedEvent e = r.event();
        return switch (e.type()) {
            case SERVER_ORDER_PAID -> rules.today(e.ts());
            case CHECK_IN -> {
                LocalDate date = LocalDate.parse(e.string("date"));
                yield date.equals(rules.today(r.at())) ? date : null;
            }
            default -> null;
        };
    }

    private static boolean earns(TrackedEvent e) {
        return e.type() == EventType.SERVER_ORDER_PAID || e.type() == EventType.SERVER_ORDER_REFUNDED
                || e.type() == EventType.CHECK_IN;
    }

    private static LoyaltyOutcome decide(LoyaltyRules rules, ReferralRules referralRules, Referral referral,
                                         LedgerEntry welcome, com.mplifecycle.domain.loyalty.PointsAccount a,
                                         Received r, Instant now) {
        TrackedEvent e = r.event();
        return switch (e.type()) {
            case SERVER_ORDER_PAID -> referralRules.orderPaid(a, referral, welcome, e.string("orderId"), e.ts(),
                    e.number("amountFen"), now);
            case SERVER_ORDER_REFUNDED -> referralRules.refunded(a, welcome, e.string("refundId"),
                    e.string("orderId"), e.number("amountFen"), e.ts());
            default -> {
                LocalDate date = LocalDate.parse(e.string("date"));
                // a check-in earns for the day ingest received it only (the client's ts and date are its own
                // word: a past day is a make-up, which costs points); another date is recorded nowhere
                LoyaltyOutcome o = rules.checkIn(a, date, false, r.at());
                yield o instanceof LoyaltyOutcome.Refused ? new LoyaltyOutcome.Changed(a, List.of(), null) : o;
            }
        };
    }

    /**
     * The customer's profile, null when there is none (or it was erased). With {@code wait} (a possible first
     * order), a missing profile is waited for up to {@link #PROFILE_WAIT_ATTEMPTS} × 100 ms: the lifecycle fold
     * of the same stream creates it, and a first order read before it did would miss its referral reward (a
     * fold later than that still does: the order then earns its points without the referral).
     */
    private CustomerProfile profile(String appId, String customerId, Optional<StoredCustomer> read, boolean wait) {
        // the item already read is the first attempt (an erased one has no profile, as ProfileStore#load says)
        CustomerProfile p = read.filter(s -> !s.profile().isEmpty() || s.erasedAt() == null)
                .map(StoredCustomer::profile).orElse(null);
        for (int attempt = 1; ; attempt++) {
            if (p != null && !p.isEmpty() || !wait || attempt >= PROFILE_WAIT_ATTEMPTS) {
                return p;
            }
            try {
                Thread.sleep(LoyaltyStatusWriter.WAIT_MS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return p;
            }
            p = profiles.load(appId, customerId).orElse(null);
        }
    }

    private static MonthDay birthday(CustomerProfile p) {
        String b = p == null || p.demographics() == null ? null : p.demographics().birthday();
        try {
            return b == null ? null : MonthDay.parse("--" + b);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
