package com.mplifecycle.domain.lifecycle;

import static com.mplifecycle.domain.lifecycle.Events.launch;
import static com.mplifecycle.domain.lifecycle.Events.paid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.profile.CustomerProfile;

class StageRulesTest {
    private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z"); // 10:00 in Shanghai
    private final AppSettings settings = AppSettings.defaults("shop");
    private final ProfileFolder folder = new ProfileFolder(settings);
    private final StageRules rules = new StageRules(settings.lifecycle());

    private CustomerProfile fold(List<TrackedEvent> events) {
        return folder.fold(CustomerProfile.empty("shop", "c1"), "o1", events).profile();
    }

    /** Launches on the given day offsets from T0, plus the given number of paid orders on day 0. */
    private CustomerProfile activeOn(int[] days, int orders) {
        List<TrackedEvent> events = new ArrayList<>();
        for (int d : days) {
            events.add(launch("l" + d, T0.plus(Duration.ofDays(d))));
        }
        for (int i = 0; i < orders; i++) {
            events.add(paid("p" + i, T0.plusSeconds(60 + i), "o" + i, 1000));
        }
        return fold(events);
    }

    @ParameterizedTest(name = "{0}: stage {3}")
    @CsvSource({
        "first launch only,            '0',                           0, NEW",
        "two distinct days,            '0 1',                         0, NEW",
        "three distinct days in 30,    '0 5 20',                      0, GROWING",
        "three days but spread over 40,'0 20 39',                     0, NEW",
        "one paid order,               '0',                           1, GROWING",
        "two paid orders,              '0',                           2, MATURE",
        "nine active days,             '0 1 2 3 4 5 6 7 8',           0, GROWING",
        "ten active days,              '0 1 2 3 4 5 6 7 8 9',         0, MATURE",
        "same day many times,          '0 0 0',                       0, NEW",
    })
    void fold_promotionTable_reachesSpecStage(String name, String days, int orders, String expected) {
        int[] offsets = days.isBlank() ? new int[0] : java.util.Arrays.stream(days.trim().split(" "))
                .mapToInt(Integer::parseInt).toArray();

        CustomerProfile p = activeOn(offsets, orders);

        assertEquals(expected, p.stage().name());
    }

    @Test
    void decay_growingInactive13Days_staysGrowing() {
        CustomerProfile p = activeOn(new int[] {0}, 1);

        assertTrue(rules.decay(p, p.lastActiveAt().plus(Duration.ofDays(13)), OptionalDouble.empty()).isEmpty());
    }

    @Test
    void decay_growingInactive14Days_declinesAtThresholdCrossing() {
        CustomerProfile p = activeOn(new int[] {0}, 1);

        StageChange change = rules.decay(p, p.lastActiveAt().plus(Duration.ofDays(20)), OptionalDouble.empty())
                .orElseThrow();

        assertEquals(Stage.DECLINING, change.to());
        assertEquals(p.lastActiveAt().plus(Duration.ofDays(14)), change.at());
    }

    @Test
    void decay_newCustomerNeverReturned_churnsAfter60DaysNotBefore() {
        CustomerProfile p = activeOn(new int[] {0}, 0);

        assertTrue(rules.decay(p, p.lastActiveAt().plus(Duration.ofDays(59)), OptionalDouble.empty()).isEmpty());
        assertEquals(Stage.CHURNED, rules.decay(p, p.lastActiveAt().plus(Duration.ofDays(60)), OptionalDouble.empty())
                .orElseThrow().to());
    }

    @Test
    void decay_withModel_weeklyBuyerFlaggedQuarterlyBuyerNot() {
        CustomerProfile p = activeOn(new int[] {0}, 2);
        Instant threeWeeksLater = p.lastActiveAt().plus(Duration.ofDays(21));

        assertEquals(Stage.DECLINING, rules.decay(p, threeWeeksLater, OptionalDouble.of(0.3)).orElseThrow().to());
        assertTrue(rules.decay(p, threeWeeksLater, OptionalDouble.of(0.9)).isEmpty());
        assertEquals(Stage.CHURNED, rules.decay(p, threeWeeksLater, OptionalDouble.of(0.05)).orElseThrow().to());
    }

    @Test
    void fold_activityAfterDecline_reactivatesToGrowing() {
        CustomerProfile p = activeOn(new int[] {0}, 1);
        StageChange decline = rules.decay(p, p.lastActiveAt().plus(Duration.ofDays(15)), OptionalDouble.empty())
                .orElseThrow();
        CustomerProfile declined = p.toBuilder().stage(decline.to(), decline.at()).build();

        ProfileFolder.Result r = folder.fold(declined, null, List.of(launch("back", T0.plus(Duration.ofDays(16)))));

        assertEquals(Stage.GROWING, r.profile().stage());
        assertEquals(1, r.profile().reactivations());
        assertEquals("reactivated", r.changes().get(0).reason());
        assertTrue(r.changes().get(0).isReactivation());
    }

    @Test
    void fold_lateEventOlderThanDecline_doesNotReactivate() {
        CustomerProfile p = activeOn(new int[] {0}, 1);
        CustomerProfile declined = p.toBuilder().stage(Stage.DECLINING, T0.plus(Duration.ofDays(14))).build();

        ProfileFolder.Result r = folder.fold(declined, null, List.of(launch("late", T0.plus(Duration.ofDays(3)))));

        assertEquals(Stage.DECLINING, r.profile().stage());
        assertTrue(r.changes().isEmpty());
    }

    @Test
    void fold_churnedMatureBuyerReturns_reactivatesToMature() {
        CustomerProfile p = activeOn(new int[] {0}, 2);
        CustomerProfile churned = p.toBuilder().stage(Stage.CHURNED, T0.plus(Duration.ofDays(60))).build();

        ProfileFolder.Result r = folder.fold(churned, null, List.of(launch("back", T0.plus(Duration.ofDays(70)))));

        assertEquals(Stage.MATURE, r.profile().stage());
    }
}
