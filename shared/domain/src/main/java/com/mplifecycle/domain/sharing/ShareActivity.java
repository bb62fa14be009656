package com.mplifecycle.domain.sharing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.profile.CustomerProfile;
import com.mplifecycle.domain.profile.Referral;

/**
 * What one customer's new events say about sharing: the shares they made, the opens of other
 * customers' shares, and whether they were acquired through one.
 *
 * <p>Rules: an open of one's own share is no open. A customer is acquired by the sharer when the
 * profile was empty (never seen) and no event is earlier than the open, i.e. the customer was
 * first seen through it; a customer known before the open never is, and a profile that names its
 * referrer keeps it (the first attribution wins). An open whose share is not known (yet) counts for
 * nobody. Event ids key every record, so a redelivered event records the same thing again.
 */
public record ShareActivity(String customerId, List<Share> shares, List<Open> opens, Referral referral) {
    /** A share the customer made. */
    public record Share(String shareId, Instant at) {
    }

    /** An open of {@code sharerId}'s share by this customer ({@code eventId}: the launch or show). */
    public record Open(String shareId, String sharerId, String eventId, Instant at) {
    }

    public ShareActivity {
        Objects.requireNonNull(customerId, "customerId");
        shares = List.copyOf(shares);
        opens = List.copyOf(opens);
    }

    public Optional<Referral> acquisition() {
        return Optional.ofNullable(referral);
    }

    public boolean isEmpty() {
        return shares.isEmpty() && opens.isEmpty() && referral == null;
    }

    /** The share ids the events opened, to look their sharers up before {@link #of}. */
    public static Set<String> openedShareIds(List<TrackedEvent> events) {
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(e -> ShareLink.openedFrom(e).ifPresent(ids::add));
        return ids;
    }

    /**
     * @param before the profile before these events were folded
     * @param sharerOf the customer who made a share, where it is known
     */
    public static ShareActivity of(CustomerProfile before, List<TrackedEvent> events,
                                   Function<String, Optional<String>> sharerOf) {
        String self = before.customerId();
        List<TrackedEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(TrackedEvent::ts).thenComparing(TrackedEvent::eventId));
        List<Share> shares = new ArrayList<>();
        List<Open> opens = new ArrayList<>();
        Referral referral = null;
        boolean firstSeen = before.isEmpty() && before.firstSeenAt() == null && before.referredBy() == null;
        for (TrackedEvent e : ordered) {
            ShareLink.sharedBy(e).ifPresent(id -> shares.add(new Share(id, e.ts())));
            Optional<String> opened = ShareLink.openedFrom(e);
            if (opened.isEmpty()) {
                continue;
            }
            Optional<String> sharer = sharerOf.apply(opened.get());
            if (sharer.isEmpty() || sharer.get().equals(self)) {
                continue;
            }
            opens.add(new Open(opened.get(), sharer.get(), e.eventId(), e.ts()));
            // first seen through it: nothing earlier (an event of the same millisecond, such as the
            // cold start's show, may sort either side of it)
            if (firstSeen && referral == null && !ordered.get(0).ts().isBefore(e.ts())) {
                referral = new Referral(sharer.get(), opened.get(), e.ts());
            }
        }
        return new ShareActivity(self, shares, opens, referral);
    }

    /** The folded profile with the acquisition noted, unless it names a referrer already. */
    public CustomerProfile applyTo(CustomerProfile folded) {
        return referral == null || folded.referredBy() != null ? folded
                : folded.toBuilder().referredBy(referral).build();
    }
}
