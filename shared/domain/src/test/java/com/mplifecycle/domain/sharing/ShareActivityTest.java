package com.mplifecycle.domain.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.lifecycle.ProfileFolder;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.Referral;

class ShareActivityTest {
    private static final Instant T = Instant.parse("2026-03-10T02:00:00Z");
    private static final Function<String, Optional<String>> SHARERS =
            id -> Optional.ofNullable(Map.of("s-a", "c_a").get(id));

    private static TrackedEvent launch(String id, Instant at, Object query) {
        return new TrackedEvent(id, EventType.APP_LAUNCH, at, Map.of("scene", 1007L, "query", query));
    }

    private static CustomerProfile empty(String customerId) {
        return CustomerProfile.empty("shop", customerId);
    }

    private static CustomerProfile known(String customerId) {
        return new ProfileFolder(AppSettings.defaults("shop")).fold(empty(customerId), "o",
                List.of(new TrackedEvent("k1", EventType.APP_LAUNCH, T.minusSeconds(86_400), Map.of("scene", 1001L))))
                .profile();
    }

    @Test
    void of_newCustomerFirstSeenThroughShare_acquiredBySharer() {
        ShareActivity a = ShareActivity.of(empty("c_b"), List.of(
                new TrackedEvent("v1", EventType.PAGE_VIEW, T.plusSeconds(1), Map.of("path", "pages/item")),
                launch("l1", T, Map.of("clm_s", "s-a", "item", "42"))), SHARERS);

        assertEquals(List.of(new ShareActivity.Open("s-a", "c_a", "l1", T)), a.opens());
        assertEquals(new Referral("c_a", "s-a", T), a.referral());
        assertEquals(a.referral(), a.applyTo(empty("c_b")).referredBy());
    }

    @Test
    void of_coldStartShowInTheSameMillisecondSortedFirst_stillAcquired() {
        // the SDK's cold-start show carries no query and may share the launch's millisecond; its event
        // id sorts before the launch's here, as a random UUID does half of the time
        ShareActivity a = ShareActivity.of(empty("c_b"), List.of(
                launch("b-launch", T, Map.of("clm_s", "s-a")),
                new TrackedEvent("a-show", EventType.APP_SHOW, T, Map.of("scene", 1007L))), SHARERS);

        assertEquals(new Referral("c_a", "s-a", T), a.referral());
    }

    @Test
    void of_knownCustomerOpens_anOpenButNoAcquisition() {
        ShareActivity a = ShareActivity.of(known("c_c"), List.of(launch("l1", T, Map.of("clm_s", "s-a"))), SHARERS);

        assertEquals(1, a.opens().size());
        assertTrue(a.acquisition().isEmpty());
    }

    @Test
    void of_sharerOpensOwnShare_nothing() {
        ShareActivity a = ShareActivity.of(empty("c_a"), List.of(launch("l1", T, Map.of("clm_s", "s-a"))), SHARERS);

        assertTrue(a.isEmpty());
    }

    @Test
    void of_unknownShare_nothing() {
        ShareActivity a = ShareActivity.of(empty("c_b"), List.of(launch("l1", T, Map.of("clm_s", "s-x"))), SHARERS);

        assertTrue(a.isEmpty());
    }

    @Test
    void of_openNotTheFirstEvent_notAcquired() {
        ShareActivity a = ShareActivity.of(empty("c_b"), List.of(
                new TrackedEvent("l0", EventType.APP_LAUNCH, T.minusSeconds(5), Map.of("scene", 1001L)),
                new TrackedEvent("s1", EventType.APP_SHOW, T, Map.of("scene", 1007L, "query", "clm_s=s-a"))), SHARERS);

        assertEquals(1, a.opens().size());
        assertTrue(a.acquisition().isEmpty());
    }

    @Test
    void applyTo_referrerAlreadyNamed_firstAttributionKept() {
        Referral first = new Referral("c_z", "s-z", T.minusSeconds(60));
        CustomerProfile p = empty("c_b").toBuilder().referredBy(first).build();
        ShareActivity a = ShareActivity.of(empty("c_b"), List.of(launch("l1", T, Map.of("clm_s", "s-a"))), SHARERS);

        assertEquals(first, a.applyTo(p).referredBy());
    }

    @Test
    void sharesAndLinks_readFromEventsAndQueries() {
        TrackedEvent share = new TrackedEvent("sh", EventType.SHARE, T, Map.of("path", "pages/item?id=1", "shareId", "s-b"));

        assertEquals(List.of(new ShareActivity.Share("s-b", T)), ShareActivity.of(empty("c_b"), List.of(share), SHARERS)
                .shares());
        assertEquals(Optional.of("s-1"), ShareLink.openedFrom(launch("x", T, "id=1&clm_s=s%2D1")));
        assertEquals(Optional.of("abc"), ShareLink.openedFrom(launch("x", T, "?id=1&clm_s=abc")));
        assertEquals(Optional.empty(), ShareLink.openedFrom(launch("x", T, Map.of("clm_s", "<script>"))));
        assertEquals(Set.of("abc"), ShareActivity.openedShareIds(List.of(launch("x", T, "clm_s=abc"))));
    }
}
