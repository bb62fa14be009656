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

    public static CustomerProfile profile(Map<String, AttributeValue> item) {
        return ProfileCodec.profile(item);
    }
}
