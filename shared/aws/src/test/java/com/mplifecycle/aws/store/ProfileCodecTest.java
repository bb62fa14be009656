package com.mplifecycle.aws.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mplifecycle.aws.json.Json;
import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.lifecycle.ProfileFolder;
import com.mplifecycle.domain.profile.CustomerProfile;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ProfileCodecTest {
    private static final Instant START = Instant.parse("2026-09-01T02:00:00Z");

    /** Two months of a weekly buyer, through the real fold: what a profile item holds in practice. */
    private static CustomerProfile weeklyBuyer() {
        ProfileFolder folder = new ProfileFolder(AppSettings.defaults("shop"));
        CustomerProfile p = CustomerProfile.empty("shop", "c-0042");
        for (int week = 0; week < 9; week++) {
            Instant t = START.plus(Duration.ofDays(7L * week));
            List<TrackedEvent> events = new ArrayList<>();
            events.add(new TrackedEvent("l" + week, EventType.APP_LAUNCH, t,
                    Map.of("scene", 1001L)));
            events.add(new TrackedEvent("c" + week, EventType.ADD_TO_CART,
                    t.plusSeconds(60), Map.of("sku", "sku-" + week, "qty", 1L, "priceFen", 1990L)));
            events.add(new TrackedEvent("o" + week, EventType.ORDER_PAID, t.plusSeconds(120),
                    Map.of("orderId", "order-" + week, "amountFen", 1990L + week)));
            p = folder.fold(p, "oOpenId0042", events).profile();
        }
        return p.toBuilder().version(7).build();
    }

    @Test
    void item_realProfile_isStoredDeflated_andReadsBackEqual() {
        CustomerProfile p = weeklyBuyer();

        Map<String, AttributeValue> item = ProfileCodec.item(p);

        AttributeValue doc = item.get(ProfileCodec.DOC);
        assertNotNull(doc.b(), "a profile of this size is stored as a binary");
        assertEquals(DeflatedJson.FORMAT_DEFLATE, doc.b().asByteArray()[0]);
        int json = Json.write(p.toBuilder().version(0).build()).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(doc.b().asByteArray().length * 2 < json, doc.b().asByteArray().length + " of " + json + " bytes");
        assertEquals(p, ProfileCodec.profile(item));
    }

    @Test
    void profile_itemWrittenAsText_staysReadable() {
        CustomerProfile p = weeklyBuyer();
        Map<String, AttributeValue> item = new HashMap<>(ProfileCodec.item(p));
        item.put(ProfileCodec.DOC, AttributeValue.fromS(Json.write(p.toBuilder().version(0).build())));

        assertEquals(p, ProfileCodec.profile(item));
        assertEquals(p, ProfileCodec.stored(item).profile());
    }

    @Test
    void profile_corruptBinary_isAClearError() {
        Map<String, AttributeValue> item = new HashMap<>(ProfileCodec.item(weeklyBuyer()));
        byte[] packed = item.get(ProfileCodec.DOC).b().asByteArray();
        item.put(ProfileCodec.DOC, AttributeValue.fromB(SdkBytes.fromByteArray(java.util.Arrays.copyOf(packed,
                packed.length / 2))));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProfileCodec.profile(item));
        assertTrue(e.getMessage().startsWith("profile document"), e.getMessage());

        packed[0] = 9;
        item.put(ProfileCodec.DOC, AttributeValue.fromB(SdkBytes.fromByteArray(packed)));
        assertThrows(IllegalArgumentException.class, () -> ProfileCodec.profile(item));
    }
}
