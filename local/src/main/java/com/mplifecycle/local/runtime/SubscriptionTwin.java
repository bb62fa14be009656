package com.mplifecycle.local.runtime;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mplifecycle.aws.json.Json;
import com.mplifecycle.aws.store.EventChunkCodec;
import com.mplifecycle.devtools.wechat.WeChatStandIn;
import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;

/**
 * Keeps the stand-in WeChat coherent with what the mini-program reported: in production the user's
 * tap in {@code wx.requestSubscribeMessage} is recorded by WeChat itself and reported to us as a
 * {@code subscribe_result}; locally nobody taps, so every {@code accept} of a {@code subscribe_result}
 * that ingest stored becomes one credit at the stand-in, as the tap would have made it. It reads the
 * events table's stream like the lifecycle function does; each eventId grants once, however often
 * its chunk is written or redelivered. {@code POST /_local/wechat/subscriptions} and
 * {@link WeChatStandIn#switchOff} stay for tests where WeChat and the backend must disagree.
 */
final class SubscriptionTwin {
    private static final int MAX_REMEMBERED = 1_000_000;
    private final WeChatStandIn wechat;
    private final Set<String> granted = new HashSet<>();

    SubscriptionTwin(WeChatStandIn wechat) {
        this.wechat = wechat;
    }

    /** A Lambda-shaped stream event of the events table in, an empty batch response out. */
    String accept(String streamEventJson) {
        Map<?, ?> event = Json.read(streamEventJson, Map.class);
        if (event.get("Records") instanceof List<?> records) {
            for (Object record : records) {
                if (record instanceof Map<?, ?> r && r.get("dynamodb") instanceof Map<?, ?> d
                        && d.get("NewImage") instanceof Map<?, ?> image) {
                    try {
                        grant(image);
                    } catch (IllegalArgumentException e) {
                        // not a chunk ingest wrote (the lifecycle function reports those): nothing to grant
                    }
                }
            }
        }
        return "{\"batchItemFailures\":[]}";
    }

    private void grant(Map<?, ?> image) {
        String openid = image.get(EventChunkCodec.OPENID) instanceof Map<?, ?> oid && oid.get("S") instanceof String s
                ? s : null;
        if (openid == null || !(image.get(EventChunkCodec.EVENTS) instanceof Map<?, ?> ev)) {
            return;
        }
        for (TrackedEvent e : EventChunkCodec.parseEvents(ev)) {
            if (e.type() == EventType.SUBSCRIBE_RESULT && e.props().get("results") instanceof Map<?, ?> results
                    && firstTime(e.eventId())) {
                results.forEach((template, outcome) -> {
                    if ("accept".equals(outcome)) {
                        wechat.acceptSubscription(openid, String.valueOf(template));
                    }
                });
            }
        }
    }

    private synchronized boolean firstTime(String eventId) {
        if (granted.size() >= MAX_REMEMBERED) {
            granted.clear();
        }
        return granted.add(eventId);
    }
}
