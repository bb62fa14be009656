package com.mplifecycle.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.lifecycle.LifecycleThresholds;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.lifecycle.StageChange;
import com.mplifecycle.domain.lifecycle.StageRules;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.LastPush;

/**
 * Occurrences that the nightly run finds late (a decay back-dated to when the threshold passed)
 * are decided once, at the first run where sending is allowed, whatever the hour of the customer's
 * last activity, the quiet hours, the cap or a missed run; and old ones are never due.
 */
class LateOccurrenceTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY0 = LocalDate.of(2026, 3, 1);
    private static final Campaign WINBACK = new Campaign("winback", "winback", true, 70,
            new Trigger.StageEntered(Stage.DECLINING), null, "T_COUPON", "pages/coupon", Map.of("thing1", "回归券"),
            List.of(), 0);
    private static final StageRules RULES = new StageRules(LifecycleThresholds.DEFAULTS);

    /** One decision as the simulated runs made it. */
    private record Decided(String customerId, PushDecision decision, Instant at) {
    }

    /**
     * Days of runs, one an hour (or as {@code runs} allows): the nightly run at 03:00 finds decays and
     * records them when it runs; dispatch plans every customer each run and keeps its records.
     */
    private static List<Decided> simulate(List<CustomerProfile> customers, PushPolicy policy,
                                          Predicate<Instant> runs) {
        DispatchPlanner planner = new DispatchPlanner(policy, SHANGHAI);
        List<CustomerProfile> profiles = new ArrayList<>(customers);
        Set<String> records = new HashSet<>();
        List<Decided> decided = new ArrayList<>();
        Instant start = DAY0.atStartOfDay(SHANGHAI).toInstant();
        for (Instant now = start; now.isBefore(start.plus(Duration.ofDays(20))); now = now.plus(Duration.ofHours(1))) {
            ZonedDateTime local = now.atZone(SHANGHAI);
            for (int i = 0; i < profiles.size(); i++) {
                CustomerProfile p = profiles.get(i);
                if (local.getHour() == 3) {
                    java.util.Optional<StageChange> decay = RULES.decay(p, now, OptionalDouble.empty());
                    if (decay.isPresent()) {
                        p = p.toBuilder().stage(decay.get().to(), decay.get().at(), now).build();
                    }
                }
                if (runs.test(now)) {
                    Set<String> mine = new HashSet<>();
                    for (String r : records) {
                        if (r.startsWith(p.customerId() + "|")) {
                            mine.add(r.substring(p.customerId().length() + 1));
                        }
                    }
                    DispatchPlanner.Plan plan = planner.plan(p, List.of(WINBACK), mine, now);
                    for (PushDecision d : plan.decisions()) {
                        assertTrue(records.add(p.customerId() + "|" + DispatchPlanner.key(d.campaign().id(),
                                d.occurrence())), "decided twice: " + p.customerId());
                        decided.add(new Decided(p.customerId(), d, now));
                    }
                    p = plan.profileAfter();
                }
                profiles.set(i, p);
            }
        }
        return decided;
    }

    /** 24 subscribed GROWING customers, last active at each hour of DAY0 (app time), minute {@code minute}. */
    private static List<CustomerProfile> everyHour(int minute, int credits) {
        List<CustomerProfile> out = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            Instant last = DAY0.atTime(h, minute).atZone(SHANGHAI).toInstant();
            out.add(Profiles.withCredit(Profiles.base("h" + h, last.minus(Duration.ofDays(20)))
                    .stage(Stage.GROWING, last.minus(Duration.ofDays(10))).lastActiveAt(last), "T_COUPON", credits));
        }
        return out;
    }

    @Test
    void decay_foundByTheNightlyRun_isSentOnceAtTheFirstAllowedRun_whateverTheHourOfLastActivity() {
        for (int minute : new int[] {0, 30}) {
            List<Decided> decided = simulate(everyHour(minute, 1), PushPolicy.DEFAULTS, now -> true);

            for (int h = 0; h < 24; h++) {
                String id = "h" + h;
                List<Decided> mine = decided.stream().filter(d -> d.customerId().equals(id)).toList();
                assertEquals(1, mine.size(), id + ":" + minute + " " + mine);
                assertTrue(mine.get(0).decision() instanceof PushDecision.Send, mine.toString());
                Instant at = mine.get(0).at();
                assertFalse(PushPolicy.DEFAULTS.isQuiet(at, SHANGHAI), id + " sent in quiet hours at " + at);
                // the decline passes 14 days after the last activity; the run at 03:00 finds it, and
                // the first run allowed to send after that (08:00, or at once in the day) decides it
                Instant declined = DAY0.atTime(h, minute).atZone(SHANGHAI).toInstant().plus(Duration.ofDays(14));
                Instant found = nextAt(declined, 3);
                Instant expected = PushPolicy.DEFAULTS.quietEnd(found, SHANGHAI);
                assertEquals(expected, at, id + ":" + minute);
            }
        }
    }

    @Test
    void otherQuietHours_missedRunsAndTheCap_stillEndInOneDecisionPerOccurrence() {
        PushPolicy longNights = new PushPolicy(Duration.ofHours(24), LocalTime.of(19, 0), LocalTime.of(11, 0));
        // dispatch misses every run from 08:00 to 14:00 of the day most decays are found
        Predicate<Instant> missing = now -> {
            ZonedDateTime local = now.atZone(SHANGHAI);
            return !(local.toLocalDate().equals(DAY0.plusDays(15)) && local.getHour() >= 8 && local.getHour() < 14);
        };
        for (PushPolicy policy : List.of(PushPolicy.DEFAULTS, longNights)) {
            for (Predicate<Instant> runs : List.<Predicate<Instant>>of(now -> true, missing)) {
                List<Decided> decided = simulate(everyHour(0, 1), policy, runs);
                assertEquals(24, decided.size(), policy + " " + decided.stream().map(d -> d.customerId() + "@" + d.at()).toList());
                assertEquals(24, decided.stream().map(Decided::customerId).distinct().count());
                decided.forEach(d -> assertFalse(policy.isQuiet(d.at(), SHANGHAI), d.toString()));
            }
        }

        // pushed by another campaign an hour before the decay is found: the cap skips it, once
        List<CustomerProfile> capped = everyHour(0, 1).stream().map(p -> {
            Instant found = nextAt(p.lastActiveAt().plus(Duration.ofDays(14)), 3);
            return p.toBuilder().lastPush(LastPush.of("other", null, false, found.minus(Duration.ofHours(1)), "x"))
                    .build();
        }).toList();
        List<Decided> decided = simulate(capped, PushPolicy.DEFAULTS, now -> true);
        assertEquals(24, decided.size());
        decided.forEach(d -> assertEquals(PushDecision.SkipReason.CAP, ((PushDecision.Skip) d.decision()).reason()));
    }

    @Test
    void occurrenceKey_staysOnTheStageStart_andOldHistoryIsNotDue() {
        Instant since = Instant.parse("2026-03-15T21:30:00Z"); // 05:30 on the 16th in Shanghai
        Instant found = Instant.parse("2026-03-16T19:00:00Z"); // the run at 03:00 on the 17th
        CustomerProfile p = Profiles.withCredit(Profiles.base("c1", since.minus(Duration.ofDays(30)))
                .stage(Stage.DECLINING, since, found), "T_COUPON", 1);
        Occurrence o = WINBACK.trigger().occurrence(p, found, SHANGHAI).orElseThrow();

        assertEquals("stage-DECLINING:" + since.toEpochMilli(), o.key());
        assertEquals(found, o.from());
        assertEquals(Instant.parse("2026-03-18T00:00:00Z"), o.end(PushPolicy.DEFAULTS, SHANGHAI),
                "a day after sending is allowed again (08:00)");
        assertFalse(o.isDue(since, PushPolicy.DEFAULTS, SHANGHAI), "not before it was found");
        // a campaign created days later does not fire on it
        Instant later = found.plus(Duration.ofDays(3));
        assertTrue(new DispatchPlanner(PushPolicy.DEFAULTS, SHANGHAI).dueKeys(p, List.of(WINBACK), later).isEmpty());
    }

    /** The first moment at or after {@code at} that is {@code hour}:00 in Shanghai. */
    private static Instant nextAt(Instant at, int hour) {
        ZonedDateTime local = at.atZone(SHANGHAI);
        ZonedDateTime candidate = local.toLocalDate().atTime(hour, 0).atZone(SHANGHAI);
        return (candidate.isBefore(local) ? candidate.plusDays(1) : candidate).toInstant();
    }
}
