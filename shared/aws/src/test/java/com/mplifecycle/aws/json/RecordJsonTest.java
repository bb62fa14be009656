package com.mplifecycle.aws.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.app.PushLimits;
import com.mplifecycle.domain.churn.BgNbdParameters;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.lifecycle.LifecycleThresholds;
import com.mplifecycle.domain.lifecycle.ProfileFolder;
import com.mplifecycle.domain.lifecycle.Stage;
import com.mplifecycle.domain.profile.ArchivedOrderIds;
import com.mplifecycle.domain.profile.Cart;
import com.mplifecycle.domain.profile.CheckInStreak;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.Demographics;
import com.mplifecycle.domain.profile.LastPush;
import com.mplifecycle.domain.profile.Referral;
import com.mplifecycle.domain.profile.ResolvedFeedback;
import com.mplifecycle.domain.feedback.FeedbackItem;
import com.mplifecycle.domain.feedback.FeedbackStatus;
import com.mplifecycle.domain.profile.Order;
import com.mplifecycle.domain.rfm.RfmRun;
import com.mplifecycle.domain.rfm.RfmSegment;
import com.mplifecycle.domain.rfm.RfmStatisticsSnapshot;
import com.mplifecycle.domain.stats.CustomerStatistics;
import com.mplifecycle.domain.stats.RepurchaseMonth;
import com.mplifecycle.domain.stats.RetentionCohort;

/**
 * {@link RecordJson} against databind ({@link Json#MAPPER}), document by document: the same JSON
 * tree written, and each reads what the other wrote back to an equal document. Stored items
 * were written by databind, and functions that still use it read what RecordJson writes.
 */
class RecordJsonTest {
    private static final Instant T = Instant.parse("2026-09-01T02:00:00.123Z");

    /** Every component type the codec takes, edge values included. */
    @io.avaje.jsonb.Json
    record AllTypes(String s, int i, long l, double d, boolean b, Integer boxedNull, Long boxed, Double ratio,
                    Stage stage, Instant at, LocalDate day, LocalTime quiet, LocalTime withSeconds,
                    YearMonth month, ZoneId zone, List<Integer> ints, Set<String> tags, Map<String, Long> counts,
                    Map<Stage, Long> byStage, SortedMap<LocalDate, Integer> byDay, SortedMap<Integer, Long> bins,
                    Map<String, List<String>> grants, List<AllTypesChild> children, AllTypesChild child,
                    AllTypesChild none) {
    }

    @io.avaje.jsonb.Json
    record AllTypesChild(String name, Instant at) {
    }

    /** As the RFM fan-out's tally parts carry their samples. */
    @io.avaje.jsonb.Json
    record WithArrays(long[] priorities, int[] summaries, double[] weights, String[] names) {
    }

    static Stream<Record> documents() {
        SortedMap<LocalDate, Integer> byDay = new TreeMap<>(Map.of(LocalDate.of(2026, 3, 1), 2, LocalDate.of(2025, 12, 31), 1));
        SortedMap<Integer, Long> bins = new TreeMap<>(Map.of(0, 5L, 7, 2L, 365, 1L));
        AllTypes all = new AllTypes("text \"quoted\" 中文", -3, Long.MAX_VALUE, 0.1, true, null, 42L, 1e-9,
                Stage.MATURE, T, LocalDate.of(2026, 2, 28), LocalTime.of(22, 0),
                LocalTime.of(7, 30, 15), YearMonth.of(2026, 3), ZoneId.of("Asia/Shanghai"), List.of(20500, 20501),
                new LinkedHashSet<>(List.of("vip", "new")), Map.of("a", 1L), Map.of(Stage.NEW, 3L, Stage.CHURNED, 0L),
                byDay, bins, Map.of("tmpl", List.of("g1", "g2")),
                List.of(new AllTypesChild("o-1", T)), new AllTypesChild("c", null), null);
        RfmStatisticsSnapshot snapshot = new RfmStatisticsSnapshot(365, 3, 307, 5, 12_000,
                new TreeMap<>(Map.of(0, 1L, 7, 1L, 300, 1L)), new TreeMap<>(Map.of(1, 2L, 3, 1L)),
                new TreeMap<>(Map.of(0, 1L, 5, 2L)));
        RfmRun run = new RfmRun("shop", T, LocalDate.of(2026, 9, 1), 365, 10, 3, 13.3, 2.3, 4000.0,
                new BgNbdParameters(0.24, 4.4, 0.79, 2.43, -9582.4), Map.of(RfmSegment.values()[0], 2L),
                Map.of(Stage.NEW, 7L, Stage.GROWING, 3L), snapshot);
        RfmRun sparse = new RfmRun("shop", T, LocalDate.of(2026, 9, 1), 365, 0, 0, null, null, null, null, Map.of(),
                Map.of(), null);
        CustomerStatistics statistics = new CustomerStatistics("shop", T,
                List.of(new RetentionCohort(LocalDate.of(2026, 8, 1), 10, 5, 3, 1, List.of(5L, 4L, 3L))),
                List.of(new RepurchaseMonth(YearMonth.of(2026, 8), 9, 2)));
        AppSettings custom = new AppSettings("shop", ZoneId.of("Europe/Berlin"),
                new LifecycleThresholds(5, 20, 2, 1, 8, 3, 10, 45, 0.4, 0.05), new PushLimits(2, LocalTime.of(21, 30),
                LocalTime.of(9, 0)));
        FeedbackItem feedback = FeedbackItem.received("c-0042", new TrackedEvent("fb", EventType.FEEDBACK, T,
                Map.of("category", "complaint", "text", "<b>慢</b>\n\"quoted\"", "page", "pages/order")),
                Stage.DECLINING).orElseThrow().change(FeedbackStatus.RESOLVED, "已处理", T.plusSeconds(3600));
        return Stream.of(all, weeklyBuyer(), richProfile(), CustomerProfile.empty("shop", "c-empty"),
                AppSettings.defaults("shop"), custom, run, sparse, statistics, feedback);
    }

    /** Two months of a weekly buyer, through the real fold (funnel, active days, orders, stage). */
    static CustomerProfile weeklyBuyer() {
        ProfileFolder folder = new ProfileFolder(AppSettings.defaults("shop"));
        CustomerProfile p = CustomerProfile.empty("shop", "c-0042");
        for (int week = 0; week < 9; week++) {
            Instant t = T.plus(Duration.ofDays(7L * week));
            List<TrackedEvent> events = new ArrayList<>();
            events.add(new TrackedEvent("l" + week, EventType.APP_LAUNCH, t, Map.of("scene", 1001L)));
            events.add(new TrackedEvent("c" + week, EventType.ADD_TO_CART, t.plusSeconds(60),
                    Map.of("sku", "sku-" + week, "qty", 1L, "priceFen", 1990L)));
            events.add(new TrackedEvent("o" + week, EventType.ORDER_PAID, t.plusSeconds(120),
                    Map.of("orderId", "order-" + week, "amountFen", 1990L + week)));
            p = folder.fold(p, "oOpenId0042", events).profile();
        }
        return p.toBuilder().version(7).build();
    }

    /** Every part a profile can carry. */
    static CustomerProfile richProfile() {
        return weeklyBuyer().toBuilder()
                .cart(new Cart(Map.of("sku-9", 2L), 3980, T))
                .checkIn(new CheckInStreak(LocalDate.of(2026, 10, 30), 4))
                .demographics(new Demographics("1990-05-01", "f", "上海", List.of("vip"), T))
                .creditGrants(Map.of("tmplA", List.of("g1", "g2")))
                .spentGrants(Map.of("g0", T.toEpochMilli()))
                .reactivations(2)
                .lastPush(new LastPush("winback", "B", false, T, "occ-1", "order-8", T.plusSeconds(3600)))
                .archived(3, 5000, 2)
                .archivedOrderIds(ArchivedOrderIds.NONE.with(List.of("order-2025-1", "order-2025-2"), Instant.parse("2025-01-02T00:00:00Z")))
                .loyalty(new com.mplifecycle.domain.profile.LoyaltyStatus("银卡", T, java.time.LocalDate.of(2027, 3, 1), 120, "c-0009", T, 5))
                .referredBy(new Referral("c-0007", "share-1", T))
                .lastResolvedFeedback(new ResolvedFeedback("1772337600000-00ff00ff00ff00ff", T))
                .build();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void write_sameJsonTreeAsDatabind(Record document) {
        assertEquals(PlainJson.read(Json.write(document)), PlainJson.read(RecordJson.write(document)));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void read_whatDatabindWrote_andDatabindReadsWhatItWrites(Record document) {
        assertEquals(document, RecordJson.read(Json.write(document), document.getClass()));
        assertEquals(document, Json.read(RecordJson.write(document), document.getClass()));
    }

    /** The profiles above carry every part a stored profile can have, so the two tests above cover them. */
    @Test
    void richProfile_hasEveryPart() {
        CustomerProfile p = richProfile();

        assertTrue(!p.funnel().days().isEmpty() && !p.orders().isEmpty() && !p.activeDays().isEmpty()
                && p.archivedOrderIds().size() == 2 && p.cart() != null && p.checkIn() != null
                && p.demographics() != null && p.lastPush() != null && p.stage() != null && p.loyalty() != null
                && p.referredBy() != null && p.lastResolvedFeedback() != null, p::toString);
    }

    @Test
    void arrays_sameJsonAsDatabind_andReadBack() {
        WithArrays w = new WithArrays(new long[] {Long.MIN_VALUE, 0, 7}, new int[] {3, 1}, new double[] {0.25},
                new String[] {"a", "b"});

        assertEquals(PlainJson.read(Json.write(w)), PlainJson.read(RecordJson.write(w)));
        for (WithArrays back : List.of(RecordJson.read(Json.write(w), WithArrays.class),
                Json.read(RecordJson.write(w), WithArrays.class))) {
            assertTrue(java.util.Arrays.equals(w.priorities(), back.priorities()));
            assertTrue(java.util.Arrays.equals(w.summaries(), back.summaries()));
            assertTrue(java.util.Arrays.equals(w.weights(), back.weights()));
            assertTrue(java.util.Arrays.equals(w.names(), back.names()));
        }
    }

    @Test
    void convert_plainValue_asDatabindConvertValue() {
        Map<String, Object> detail = Map.of("name", "x", "at", 1772337600000L, "extra", true);

        assertEquals(Json.MAPPER.convertValue(detail, AllTypesChild.class), RecordJson.convert(detail, AllTypesChild.class));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RecordJson.convert(List.of(), AllTypesChild.class))
                .getMessage().startsWith("invalid AllTypesChild: "));
    }

    @Test
    void read_textForms_databindAlsoAccepts() {
        String json = "{\"appId\":\"shop\",\"timeZone\":\"Asia/Shanghai\",\"lifecycle\":" + Json.write(
                LifecycleThresholds.DEFAULTS) + ",\"push\":{\"maxPerDay\":1,\"quietFrom\":\"22:00\","
                + "\"quietUntil\":\"08:00\"},\"somethingNew\":[1,2]}";

        AppSettings settings = RecordJson.read(json, AppSettings.class);

        assertEquals(Json.read(json, AppSettings.class), settings);
        assertEquals(PushLimits.DEFAULTS, settings.push());
    }

    @Test
    void read_badDocuments_clearErrors() {
        assertTrue(refused("{\"appId\":", AppSettings.class).startsWith("invalid JSON for AppSettings: "));
        assertTrue(refused("{\"appId\":\"shop\",\"timeZone\":8}", AppSettings.class)
                .matches("invalid JSON for AppSettings: .*ZoneId.*"));
        assertTrue(refused("{\"appId\":\"shop\",\"customerId\":\"c\",\"stage\":\"ASLEEP\"}", CustomerProfile.class)
                .matches("invalid JSON for CustomerProfile: .*ASLEEP.*"));
        assertEquals("invalid JSON for AppSettings: timeZone",
                refused("{\"appId\":\"shop\",\"lifecycle\":" + Json.write(LifecycleThresholds.DEFAULTS) + "}",
                        AppSettings.class));
        assertEquals("invalid JSON for AppSettings: newDays must be at least 1",
                refused("{\"appId\":\"shop\",\"timeZone\":\"UTC\",\"lifecycle\":{}}", AppSettings.class));
        assertTrue(refused("{\"appId\":\"shop\",\"customerId\":\"c\",\"activeDays\":{}}", CustomerProfile.class)
                .startsWith("invalid JSON for CustomerProfile: "));
        assertThrows(IllegalArgumentException.class, () -> RecordJson.read("[]", AppSettings.class));
    }

    private static String refused(String json, Class<? extends Record> type) {
        return assertThrows(IllegalArgumentException.class, () -> RecordJson.read(json, type)).getMessage();
    }
}
