package com.mplifecycle.aws.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mplifecycle.aws.json.PlainJson;
import com.mplifecycle.domain.profile.CustomerProfile;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One page of an app's customers and where the next one starts: {@code cursor} is opaque to the
 * caller (the base64url of the DynamoDB key to continue after), absent on the last page.
 */
public record ProfilePage(List<CustomerProfile> customers, Optional<String> cursor) {
    public ProfilePage {
        customers = List.copyOf(customers);
    }

    /** A cursor for a key of string attributes. */
    static Optional<String> cursorOf(Map<String, AttributeValue> key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> plain = new LinkedHashMap<>();
        key.forEach((name, value) -> plain.put(name, value.s()));
        return Optional.of(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(PlainJson.write(plain).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The key a cursor stands for, holding exactly {@code names}; throws IllegalArgumentException
     * for anything else (a cursor of another listing, or made up).
     */
    static Map<String, AttributeValue> keyOf(String cursor, List<String> names) {
        Map<String, Object> plain;
        try {
            plain = PlainJson.readObject(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cursor of this listing", e);
        }
        if (!plain.keySet().equals(new java.util.HashSet<>(names))) {
            throw new IllegalArgumentException("not a cursor of this listing");
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        plain.forEach((name, value) -> {
            if (!(value instanceof String)) {
                throw new IllegalArgumentException("not a cursor of this listing");
            }
            key.put(name, AttributeValue.fromS((String) value));
        });
        return key;
    }
}
