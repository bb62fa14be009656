package com.mplifecycle.aws.store;

import java.util.HashMap;
import java.util.Map;

import com.mplifecycle.aws.json.Json;
import com.mplifecycle.domain.profile.CustomerProfile;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item ↔ profile mapping of the profiles table: the profile is one JSON document attribute
 * ({@code doc}), with the version and stage beside it for conditions and filters.
 */
final class ProfileCodec {
    static final String VERSION = "v";
    static final String DOC = "doc";
    static final String STAGE = "stage";
    static final String APP = "app";

    private ProfileCodec() {
    }

    static Map<String, AttributeValue> item(CustomerProfile p) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableKeys.PK, AttributeValue.fromS(TableKeys.customer(p.appId(), p.customerId())));
        item.put(APP, AttributeValue.fromS(p.appId()));
        item.put(VERSION, AttributeValue.fromN(Long.toString(p.version())));
        if (p.stage() != null) {
            item.put(STAGE, AttributeValue.fromS(p.stage().name()));
        }
        item.put(DOC, AttributeValue.fromS(Json.write(p.toBuilder().version(0).build())));
        return item;
    }

    static CustomerProfile profile(Map<String, AttributeValue> item) {
        CustomerProfile p = Json.read(item.get(DOC).s(), CustomerProfile.class);
        return p.toBuilder().version(Long.parseLong(item.get(VERSION).n())).build();
    }
}
