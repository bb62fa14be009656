package com.mplifecycle.aws.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mplifecycle.aws.bus.StageChangePublisher;
import com.mplifecycle.aws.json.RecordJson;
import com.mplifecycle.domain.lifecycle.StageChange;
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
    /** The stage changes this write made, for the stream relay to publish (absent when none). */
    static final String CHANGES = "chg";
    /** The due index (sparse GSI {@code due} of the profiles table): next due moment, epoch ms, and its shard. */
    static final String DUE = "due";
    static final String DUE_SHARD = "dueP";
    /** Shards of the due index: each sweep queries every one, in parallel. */
    static final int DUE_SHARDS = 16;

    private ProfileCodec() {
    }

    public static Map<String, AttributeValue> item(CustomerProfile p, List<StageChange> changes,
                                                   Optional<Instant> due) {
        Map<String, AttributeValue> item = item(p);
        if (!changes.isEmpty()) {
            item.put(CHANGES, AttributeValue.fromS(StageChangePublisher.detailsJson(changes)));
        }
        due.ifPresent(at -> {
            item.put(DUE, AttributeValue.fromN(Long.toString(at.toEpochMilli())));
            item.put(DUE_SHARD, AttributeValue.fromS(dueShard(item.get(TableKeys.PK).s())));
        });
        return item;
    }

    /** The due index partition of a customer: {@code due#NN}, NN from the key's hash. */
    static String dueShard(String customerKey) {
        return dueShard(Math.floorMod(customerKey.hashCode(), DUE_SHARDS));
    }

    static String dueShard(int shard) {
        return String.format("due#%02d", shard);
    }

    /** The stored due moment of an item, if it is in the index. */
    static Optional<Instant> due(Map<String, AttributeValue> item) {
        AttributeValue v = item.get(DUE);
        return v == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(v.n())));
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
        item.put(TableKeys.LEVEL_KEY, AttributeValue.fromS(TableKeys.levelKey(
                p.loyalty() == null ? null : p.loyalty().level(), p.customerId())));
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
