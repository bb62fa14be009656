package com.mplifecycle.aws.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.mplifecycle.aws.json.RecordJson;
import com.mplifecycle.domain.profile.CustomerProfile;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item ↔ profile mapping of the profiles table: the profile is one JSON document attribute
 * ({@code doc}, deflated binary when smaller: see {@link DeflatedJson}), with the version and stage
 * beside it for conditions and filters. Public so that tools (the bench) seed tables with exactly the
 * items the store writes.
 */
public final class ProfileCodec {
    static final String VERSION = "v";
    static final String DOC = "doc";
    static final String STAGE = "stage";
    static final String APP = "app";
    /** On a tombstone (no {@code doc}), and on a profile recreated after an erasure: when it was erased. */
    static final String ERASED_AT = "erasedAt";

    private ProfileCodec() {
    }

    public static Map<String, AttributeValue> item(CustomerProfile p) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableKeys.PK, AttributeValue.fromS(TableKeys.customer(p.appId(), p.customerId())));
        item.put(APP, AttributeValue.fromS(p.appId()));
        item.put(VERSION, AttributeValue.fromN(Long.toString(p.version())));
        if (p.stage() != null) {
            item.put(STAGE, AttributeValue.fromS(p.stage().name()));
            item.put(TableKeys.STAGE_KEY, AttributeValue.fromS(TableKeys.stageKey(p.stage().name(), p.customerId())));
        }
        item.put(DOC, DeflatedJson.attribute(RecordJson.write(p.toBuilder().version(0).build())));
        return item;
    }

    static boolean isTombstone(Map<String, AttributeValue> item) {
        return !item.containsKey(DOC);
    }

    static Map<String, AttributeValue> tombstone(String appId, String customerId, long version, Instant erasedAt,
                                                 Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableKeys.PK, AttributeValue.fromS(TableKeys.customer(appId, customerId)));
        item.put(APP, AttributeValue.fromS(appId));
        item.put(VERSION, AttributeValue.fromN(Long.toString(version)));
        item.put(ERASED_AT, AttributeValue.fromN(Long.toString(erasedAt.toEpochMilli())));
        item.put(TableKeys.EXPIRES, AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
        return item;
    }

    /** The item as the stream consumer folds onto it: a tombstone reads as an empty profile with its version. */
    static StoredCustomer stored(Map<String, AttributeValue> item) {
        String pk = item.get(TableKeys.PK).s();
        Instant erasedAt = item.containsKey(ERASED_AT) ? Instant.ofEpochMilli(Long.parseLong(item.get(ERASED_AT).n()))
                : null;
        CustomerProfile profile = isTombstone(item)
                ? CustomerProfile.empty(TableKeys.appOf(pk), TableKeys.customerOf(pk)).toBuilder()
                        .version(Long.parseLong(item.get(VERSION).n())).build()
                : profile(item);
        return new StoredCustomer(profile, erasedAt);
    }

    public static CustomerProfile profile(Map<String, AttributeValue> item) {
        CustomerProfile p = RecordJson.read(DeflatedJson.text(item.get(DOC), "profile document"), CustomerProfile.class);
        return p.toBuilder().version(Long.parseLong(item.get(VERSION).n())).build();
    }
}
