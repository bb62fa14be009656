package com.mplifecycle.aws.store;

import java.util.Map;

import com.mplifecycle.domain.profile.CustomerProfile;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Bench-only door to the package-private profile codec: seeds tables with exactly the items the store writes. */
public final class BenchItems {
    private BenchItems() {
    }

    public static Map<String, AttributeValue> profileItem(CustomerProfile profile) {
        return ProfileCodec.item(profile);
    }

    /** The item the store writes for a profile at {@code due} in the due index. */
    public static Map<String, AttributeValue> profileItem(CustomerProfile profile, java.util.Optional<java.time.Instant> due) {
        return ProfileCodec.item(profile, java.util.List.of(), due);
    }

    public static CustomerProfile profile(Map<String, AttributeValue> item) {
        return ProfileCodec.profile(item);
    }
}
