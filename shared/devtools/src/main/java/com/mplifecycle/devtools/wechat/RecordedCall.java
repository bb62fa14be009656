package com.mplifecycle.devtools.wechat;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request the stand-in received, with the AppSecret replaced by {@code ***}.
 *
 * @param api {@value WeChatStandIn#CODE2SESSION}, {@value WeChatStandIn#STABLE_TOKEN},
 *     {@value WeChatStandIn#SUBSCRIBE_SEND}, or the path for anything else
 * @param receivedAt on the stand-in's clock
 * @param request query parameters, then the JSON body's fields (a body that is not JSON is under {@code _raw})
 * @param httpStatus the HTTP status answered
 * @param errcode the errcode answered; 0 on success or when the answer was not JSON
 */
public record RecordedCall(String api, Instant receivedAt, Map<String, Object> request, int httpStatus,
        int errcode) {

    public RecordedCall {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(receivedAt, "receivedAt");
        // the JSON body may hold nulls, which Map.copyOf refuses
        request = Collections.unmodifiableMap(new LinkedHashMap<>(request));
    }
}
