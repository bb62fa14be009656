package com.mplifecycle.functions.rfm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mplifecycle.domain.app.AppSettings;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;
import com.mplifecycle.domain.lifecycle.ProfileFolder;
import com.mplifecycle.domain.profile.CustomerIds;
import com.mplifecycle.domain.profile.CustomerProfile;

/** Realistic profiles for the tests: built by folding tracking events, as the stream function does. */
final class Customers {
    private final String appId;
    private final String openid;
    private final List<TrackedEvent> events = new ArrayList<>();

    private Customers(String appId, String openid) {
        this.appId = appId;
        this.openid = openid;
    }

    static Customers of(String appId, String openid) {
        return new Customers(appId, openid);
    }

    String customerId() {
        return CustomerIds.of(appId, openid);
    }

    Customers launch(Instant at) {
        events.add(new TrackedEvent("l" + events.size(), EventType.APP_LAUNCH, at, Map.of("scene", 1001L)));
        return this;
    }

    Customers paid(Instant at, long fen) {
        launch(at);
        events.add(new TrackedEvent("p" + events.size(), EventType.ORDER_PAID, at,
                Map.of("orderId", "o" + events.size(), "amountFen", fen)));
        return this;
    }

    CustomerProfile profile() {
        return new ProfileFolder(AppSettings.defaults(appId))
                .fold(CustomerProfile.empty(appId, customerId()), openid, events).profile();
    }
}
