package com.mplifecycle.domain.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.input.FieldError;

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
}
