package com.mplifecycle.domain.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.input.FieldError;
import com.mplifecycle.domain.loyalty.ClientOrders;
import com.mplifecycle.domain.loyalty.Level;
import com.mplifecycle.domain.loyalty.LoyaltySettings;

/** Settings changes are read like campaigns: the fields named change, every invalid one is listed. */
class SettingsReaderTest {
    private static final AppSettings CURRENT = AppSettings.defaults("shop");

    private static List<String> invalidFields(Map<String, Object> change) {
        return assertInstanceOf(SettingsReader.Invalid.class, SettingsReader.read(CURRENT, change)).errors().stream()
                .map(FieldError::field).toList();
    }

    @Test
    void read_oneFieldPerGroup_changesThoseAndKeepsTheRest() {
        AppSettings next = assertInstanceOf(SettingsReader.Valid.class, SettingsReader.read(CURRENT, Map.of(
                "timeZone", "Europe/Berlin", "lifecycle", Map.of("newDays", 5, "churnedPAlive", 0.05),
                "push", Map.of("quietFrom", "21:30")))).settings();

        assertEquals(ZoneId.of("Europe/Berlin"), next.timeZone());
        assertEquals(5, next.lifecycle().newDays());
        assertEquals(0.05, next.lifecycle().churnedPAlive());
        assertEquals(CURRENT.lifecycle().matureOrders(), next.lifecycle().matureOrders());
        assertEquals(new PushLimits(1, LocalTime.of(21, 30), LocalTime.of(8, 0)), next.pushLimits());
    }

    @Test
    void read_everyInvalidField_listedWithItsPath() {
        assertEquals(List.of("colour", "timeZone", "lifecycle.newDays", "lifecycle.decliningPAlive",
                "push.maxPerDay", "push.quietUntil"), invalidFields(Map.of("colour", "red",
                "timeZone", "Mars/Olympus", "lifecycle", Map.of("newDays", 0, "decliningPAlive", 1.5),
                "push", Map.of("maxPerDay", 11, "quietUntil", "8am"))));
    }

    @Test
    void read_thresholdsThatContradictEachOther_refusedAsLifecycle() {
        assertEquals(List.of("lifecycle"), invalidFields(Map.of("lifecycle", Map.of("decliningInactiveDays", 90))));
        assertEquals(List.of("lifecycle.typo"), invalidFields(Map.of("lifecycle", Map.of("typo", 1))));
    }

    private static AppSettings valid(AppSettings current, Map<String, Object> change) {
        return assertInstanceOf(SettingsReader.Valid.class, SettingsReader.read(current, change)).settings();
    }

    private static List<FieldError> errors(Map<String, Object> change) {
        return assertInstanceOf(SettingsReader.Invalid.class, SettingsReader.read(CURRENT, change)).errors();
    }

    @Test
    void orders_clientOrders_setAndKept_unknownValueRefused() {
        AppSettings ignore = valid(CURRENT, Map.of("orders", Map.of("clientOrders", "ignore")));
        assertEquals(ClientOrders.IGNORE, ignore.orderSettings().clientOrders());
        assertEquals(ClientOrders.IGNORE, valid(ignore, Map.of("push", Map.of("maxPerDay", 2)))
                .orderSettings().clientOrders(), "a change of another section keeps it");
        assertEquals(ClientOrders.COUNT, valid(ignore, Map.of("orders", Map.of("clientOrders", "count")))
                .orderSettings().clientOrders());

        List<FieldError> bad = errors(Map.of("orders", Map.of("clientOrders", "IGNORE", "source", "x")));
        assertEquals(List.of("orders.source", "orders.clientOrders"), bad.stream().map(FieldError::field).toList());
        assertTrue(bad.get(1).reason().contains("\"count\""), bad.get(1).reason());
    }

    @Test
    void loyalty_namedFieldsChange_othersKeepTheirValue_acrossChanges() {
        AppSettings first = valid(CURRENT, Map.of("loyalty", Map.of("pointsPerYuan", 2, "growthWindowDays", 180)));
        AppSettings second = valid(first, Map.of("loyalty", Map.of("makeUpCost", 50, "makeUpDays", 3)));
        LoyaltySettings l = second.loyaltySettings();

        assertEquals(2, l.pointsPerYuan());
        assertEquals(180, l.growthWindowDays());
        assertEquals(50, l.makeUpCost());
        assertEquals(3, l.makeUpDays());
        assertEquals(LoyaltySettings.DEFAULTS.checkInPoints(), l.checkInPoints());
        assertEquals(LoyaltySettings.DEFAULTS.levels(), l.levels());
        assertNull(valid(CURRENT, Map.of("timeZone", "Asia/Tokyo")).loyalty(), "untouched defaults stay implicit");
    }

    @Test
    void loyalty_referralRewards_setKeptByLaterChanges_andBounded() {
        AppSettings first = valid(CURRENT, Map.of("loyalty", Map.of("referralPoints", 300, "referralWelcomePoints", 0)));
        AppSettings second = valid(first, Map.of("loyalty", Map.of("pointsPerYuan", 2)));

        assertEquals(300, second.loyaltySettings().referralPoints());
        assertEquals(0, second.loyaltySettings().referralWelcomePoints());
        assertEquals(2, second.loyaltySettings().pointsPerYuan());
        assertEquals(100, valid(CURRENT, Map.of("loyalty", Map.of("pointsPerYuan", 2))).loyaltySettings()
                .referralPoints(), "the default");
        List<FieldError> bad = errors(Map.of("loyalty", Map.of("referralPoints", -1, "referralWelcomePoints", 100_001)));
        assertEquals(List.of("loyalty.referralPoints", "loyalty.referralWelcomePoints"), fields(bad));
        assertEquals("must be an integer from 0 to 100000", bad.get(0).reason());
    }

    @Test
    void loyalty_levelsReplaceTheList_multiplierDefaultsToOne() {
        LoyaltySettings l = valid(CURRENT, Map.of("loyalty", Map.of("expiryDays", 730, "levels", List.of(
                Map.of("name", "Member", "growth", 0), Map.of("name", "VIP", "growth", 1_000, "multiplier", 1.25)))))
                .loyaltySettings();

        assertEquals(List.of(new Level("Member", 0, 1.0), new Level("VIP", 1_000, 1.25)), l.levels());
        assertEquals(730, l.expiryDays());
    }

    @Test
    void loyalty_badValues_eachRefusedWithItsPathAndReason() {
        List<FieldError> bad = errors(Map.of("loyalty", Map.of("pointsPerYuan", -1, "birthdayPoints", -5,
                "expiryDays", 0, "makeUpDays", 40, "typo", 1)));
        assertEquals(List.of("loyalty.typo", "loyalty.pointsPerYuan", "loyalty.birthdayPoints", "loyalty.expiryDays",
                "loyalty.makeUpDays"), bad.stream().map(FieldError::field).toList());
        assertEquals("must be an integer from 0 to 10000", bad.get(1).reason());

        List<FieldError> cap = errors(Map.of("loyalty", Map.of("checkInPoints", 50)));
        assertEquals("loyalty.checkInPoints", cap.get(0).field());
        assertEquals("checkInMaxPoints (30) must be at least checkInPoints (50)", cap.get(0).reason());
    }

    @Test
    void loyalty_levelsNotFromZero_notAscending_duplicate_orAbsurdMultiplier_refused() {
        assertEquals(List.of("loyalty.levels[0].growth"), fields(levels(Map.of("name", "a", "growth", 10))));
        assertEquals(List.of("loyalty.levels[2].growth"), fields(levels(Map.of("name", "a", "growth", 0),
                Map.of("name", "b", "growth", 500), Map.of("name", "c", "growth", 500))));
        assertEquals(List.of("loyalty.levels[1].name"), fields(levels(Map.of("name", "a", "growth", 0),
                Map.of("name", "a", "growth", 500))));
        List<FieldError> multipliers = levels(Map.of("name", "a", "growth", 0, "multiplier", 0.5),
                Map.of("name", "b", "growth", 5, "multiplier", 1000), Map.of("name", "c", "growth", 9,
                        "multiplier", 1.234));
        assertEquals(List.of("loyalty.levels[0].multiplier", "loyalty.levels[1].multiplier",
                "loyalty.levels[2].multiplier"), fields(multipliers));
        assertEquals("must be a number from 1 to 10", multipliers.get(0).reason());
        assertEquals(List.of("loyalty.levels[0].name", "loyalty.levels[0].growth"),
                fields(levels(Map.of("multiplier", 2))));
        assertEquals(List.of("loyalty.levels"), fields(errors(Map.of("loyalty", Map.of("levels", List.of())))));
        assertEquals(List.of("loyalty.levels[0].growth"), fields(levels(Map.of("name", "a", "growth", -1))));
    }

    private static List<FieldError> levels(Map<?, ?>... levels) {
        return errors(Map.of("loyalty", Map.of("levels", List.of(levels))));
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
