package com.mplifecycle.aws.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import com.mplifecycle.domain.event.TrackedEvent;

/**
 * The accepted events of one request for one customer, stored as one item: one write instead of
 * one per event. Its key is derived from the events' ids, so a retried request overwrites the
 * same item instead of adding a second one.
 */
public record EventChunk(String appId, String customerId, String openid, List<TrackedEvent> events) {
    /** One digest per thread: the provider lookup of getInstance costs more than hashing a chunk's ids. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(EventChunk::sha256);
    private static final HexFormat HEX = HexFormat.of();

    public EventChunk {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(customerId, "customerId");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a chunk holds at least one event");
        }
        events = events.stream().sorted(Comparator.comparing(TrackedEvent::eventId)).toList();
    }

    public String partitionKey() {
        return TableKeys.customer(appId, customerId);
    }

    public String sortKey() {
        long first = events.stream().mapToLong(e -> e.ts().toEpochMilli()).min().orElseThrow();
        return TableKeys.eventChunk(first, digestOfIds());
    }

    private String digestOfIds() {
        MessageDigest sha = SHA_256.get();
        for (TrackedEvent e : events) {
            sha.update(e.eventId().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        // digest() leaves it reset for the next chunk
        return HEX.formatHex(sha.digest(), 0, 8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
