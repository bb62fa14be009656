package com.mplifecycle.aws.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.campaign.CreditLedger;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.lifecycle.ProfileBounds;
import com.mplifecycle.domain.lifecycle.ProfileFolder;
import com.mplifecycle.domain.profile.Cart;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.Order;
import com.mplifecycle.domain.profile.PurchaseHistory;
import com.mplifecycle.domain.rfm.RfmValues;
import com.mplifecycle.domain.rfm.RfmWindow;

/**
 * Adversarial histories through the pure fold, in requests of 100 as the lifecycle function folds
 * them: after every fold the item ProfileStore would write stays within the budget, and the figures
 * the product shows (orders, revenue, RFM) are those of the events. Each case runs on several seeds;
 * strings are the longest the event schema allows, half of them in characters JSON may escape.
 */
class ProfileBudgetPropertyTest {
    private static final ZoneId ZONE = AppSettings.DEFAULT_ZONE;
    private static final Instant T0 = Instant.parse("2026-06-01T01:00:00Z");
    private static final int REQUEST = 100;

    private final ProfileFolder folder = new ProfileFolder(AppSettings.defaults("shop"));
    private long largest;

    @ParameterizedTest
    @ValueSource(longs = {1})
    void twentyThousandOrders_inOrder_staysInBudget_andEveryFigureExact(long seed) {
        Random random = new Random(seed);
        List<TrackedEvent> events = new ArrayList<>();
        Map<String, Long> amounts = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            String orderId = i + "-" + text(random, 200);
            long fen = 1 + random.nextInt(i % 50 == 0 ? 1 : 10_000);
            amounts.put(orderId, fen);
            // spread over 500 days, so that orders also leave by age
            events.add(paid("e" + i, T0.plus(Duration.ofMinutes(36L * i)), orderId, fen));
        }
        CustomerProfile p = foldInRequests(CustomerProfile.empty("shop", "c1"), events);

        assertEquals(20_000, p.paidOrders());
        assertEquals(amounts.values().stream().mapToLong(Long::longValue).sum(), p.revenueFen());
        Instant last = events.get(events.size() - 1).ts();
        LocalDate asOf = LocalDate.ofInstant(last, ZONE);
        assertEquals(expectedRfm(events, asOf), RfmWindow.endingOn(asOf).values(PurchaseHistory.rfmOrders(p, ZONE)));
        assertEquals(last, p.lastOrderAt());

        // any request redelivered, however old, counts nothing again
        for (int r = 0; r < 5; r++) {
            int from = random.nextInt(events.size() / REQUEST) * REQUEST;
            CustomerProfile again = folder.fold(p, "o1", events.subList(from, from + REQUEST)).profile();
            assertEquals(p.paidOrders(), again.paidOrders());
            assertEquals(p.revenueFen(), again.revenueFen());
        }
        assertTrue(largest <= ProfileBounds.BUDGET_BYTES, "largest " + largest);
    }

    @ParameterizedTest
    @ValueSource(longs = {4})
    void twentyThousandOrders_shuffledWithRefunds_staysInBudget_neverCountsTwice(long seed) {
        Random random = new Random(seed);
        List<TrackedEvent> events = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Instant at = T0.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 25)));
            String orderId = "o" + random.nextInt(15_000);
            events.add(random.nextInt(4) == 0 ? refunded("r" + i + ascii(random, 40), at, orderId, 1 + random.nextInt(50))
                    : paid("p" + i, at, orderId, 100));
        }
        Collections.shuffle(events, random);
        CustomerProfile p = foldInRequests(CustomerProfile.empty("shop", "c1"), events);

        long distinctPaid = events.stream().filter(e -> e.type() == EventType.ORDER_PAID)
                .map(e -> e.string("orderId")).distinct().count();
        assertTrue(p.paidOrders() <= distinctPaid, p.paidOrders() + " of " + distinctPaid);
        for (int r = 0; r < 20; r++) {
            int from = random.nextInt(events.size() / REQUEST) * REQUEST;
            p = foldInRequests(p, events.subList(from, from + REQUEST));
            assertTrue(p.paidOrders() <= distinctPaid, p.paidOrders() + " of " + distinctPaid);
        }
        assertTrue(largest <= ProfileBounds.BUDGET_BYTES, "largest " + largest);
    }

    @ParameterizedTest
    @ValueSource(longs = {6, 7})
    void fiveThousandSkus_twoThousandTemplates_manyTags_refundFloods_staysInBudget(long seed) {
        Random random = new Random(seed);
        List<TrackedEvent> events = new ArrayList<>();
        Instant at = T0;
        for (int i = 0; i < 5_000; i++) {
            events.add(cart("c" + i, at = at.plusSeconds(1), i + text(random, 250), 1 + random.nextInt(9), 100));
        }
        for (int i = 0; i < 20; i++) {
            Map<String, Object> results = new HashMap<>();
            for (int t = 0; t < 100; t++) {
                results.put((i * 100 + t) + text(random, 250), "accept");
            }
            events.add(new TrackedEvent("s" + i + "-" + ascii(random, 50), EventType.SUBSCRIBE_RESULT,
                    at = at.plusSeconds(1), Map.of("results", results)));
        }
        for (int i = 0; i < 50; i++) {
            List<String> tags = IntStream.range(0, 100).mapToObj(t -> text(random, 256)).toList();
            events.add(new TrackedEvent("t" + i, EventType.PROFILE_UPDATE, at = at.plusSeconds(1),
                    Map.of("tags", tags, "region", text(random, 256), "gender", text(random, 256))));
        }
        for (int i = 0; i < 5_000; i++) {
            events.add(refunded("ro" + i + ascii(random, 50), at = at.plusSeconds(1), "one-order", 1));
            events.add(refunded("ru" + i + ascii(random, 50), at, i + text(random, 250), 1));
        }
        CustomerProfile p = foldInRequests(CustomerProfile.empty("shop", "c1"), events);
        assertTrue(p.cart().quantities().size() <= ProfileBounds.CART_SKUS);
        assertTrue(p.demographics().tags().size() <= ProfileBounds.TAGS);

        // spending many credits (dispatch) leaves a bounded memory of spent grants
        for (Map.Entry<String, List<String>> e : p.creditGrants().entrySet()) {
            for (String grant : e.getValue()) {
                p = CreditLedger.spend(p, e.getKey(), grant, at);
            }
        }
        // the latest accept holds at once, whatever came before
        p = foldInRequests(p, List.of(new TrackedEvent("accept-late", EventType.SUBSCRIBE_RESULT,
                at.plusSeconds(5), Map.of("results", Map.of("TPL_REAL", "accept")))));
        assertEquals(Integer.valueOf(1), p.credits().get("TPL_REAL"));
        assertTrue(largest <= ProfileBounds.BUDGET_BYTES, "largest " + largest);
    }

    @ParameterizedTest
    @ValueSource(longs = {8})
    void profileStoredOverTheBudgetBefore_isRepairedByTheNextEvent_figuresUnchanged(long seed) {
        Random random = new Random(seed);
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            orders.add(new Order(i + text(random, 100), T0.plusSeconds(60L * i), 100, Map.of()));
        }
        Map<String, Long> skus = new HashMap<>();
        IntStream.range(0, 2_000).forEach(i -> skus.put(i + text(random, 60), 1L));
        CustomerProfile before = folder.fold(CustomerProfile.empty("shop", "c1"), "o1",
                List.of(paid("first", T0.minusSeconds(60), "o-first", 100))).profile().toBuilder()
                .orders(orders).cart(new Cart(skus, 2_000 * 100, T0.plusSeconds(1))).build();
        assertTrue(ProfileStore.storedBytes(before) > ProfileBounds.BUDGET_BYTES);

        CustomerProfile after = foldInRequests(before, List.of(launch("next", T0.plus(Duration.ofDays(3)))));

        assertEquals(3_000, after.paidOrders());
        assertEquals(300_000, after.revenueFen());
        assertEquals(before.cart().valueFen(), after.cart().valueFen());
        assertTrue(largest <= ProfileBounds.BUDGET_BYTES, "largest " + largest);
    }

    private CustomerProfile foldInRequests(CustomerProfile start, List<TrackedEvent> events) {
        CustomerProfile p = start;
        for (int from = 0; from < events.size(); from += REQUEST) {
            p = folder.fold(p, "o1", events.subList(from, Math.min(events.size(), from + REQUEST))).profile();
            long bytes = ProfileStore.storedBytes(p);
            largest = Math.max(largest, bytes);
            assertTrue(bytes <= ProfileBounds.BUDGET_BYTES, "stored " + bytes + " bytes after event " + from);
        }
        return p;
    }

    private static java.util.Optional<RfmValues> expectedRfm(List<TrackedEvent> paid, LocalDate asOf) {
        return RfmWindow.endingOn(asOf).values(paid.stream().map(e -> com.mplifecycle.domain.rfm.Order.of(
                LocalDate.ofInstant(e.ts(), ZONE), e.number("amountFen"))).toList());
    }

    /** Up to {@code max} characters: random ASCII or (half the time) CJK, which JSON writers may escape. */
    private static String text(Random random, int max) {
        int n = 1 + random.nextInt(max);
        StringBuilder s = new StringBuilder(n);
        boolean cjk = random.nextBoolean();
        for (int i = 0; i < n; i++) {
            s.append(cjk ? (char) (0x4e00 + random.nextInt(0x5000)) : (char) ('!' + random.nextInt(94)));
        }
        return s.toString();
    }

    private static String ascii(Random random, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private static TrackedEvent launch(String id, Instant at) {
        return new TrackedEvent(id, EventType.APP_LAUNCH, at, Map.of("scene", 1001L));
    }

    private static TrackedEvent paid(String id, Instant at, String orderId, long fen) {
        return new TrackedEvent(id, EventType.ORDER_PAID, at, Map.of("orderId", orderId, "amountFen", fen));
    }

    private static TrackedEvent refunded(String id, Instant at, String orderId, long fen) {
        return new TrackedEvent(id, EventType.ORDER_REFUNDED, at, Map.of("orderId", orderId, "amountFen", fen));
    }

    private static TrackedEvent cart(String id, Instant at, String sku, long qty, long priceFen) {
        return new TrackedEvent(id, EventType.ADD_TO_CART, at, Map.of("sku", sku, "qty", qty, "priceFen", priceFen));
    }
}
