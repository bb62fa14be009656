package com.mplifecycle.devtools.wechat;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * A failure the stand-in plays for the next {@code count} calls of one API, or of any API.
 *
 * <p>APIs are named {@value WeChatStandIn#CODE2SESSION}, {@value WeChatStandIn#STABLE_TOKEN},
 * {@value WeChatStandIn#SUBSCRIBE_SEND}, or {@value #ANY_API} for whichever comes next. The JSON form
 * is described on {@link WeChatStandIn}.
 */
public sealed interface Fault permits Fault.ErrorCode, Fault.HttpStatus, Fault.Delay {
    /** Matches calls of every API. */
    String ANY_API = "any";

    /** The API whose calls this fault answers, or {@value #ANY_API}. */
    String api();

    /** How many calls it answers before it is used up; at least 1. */
    int count();

    /** WeChat's own error reporting: HTTP 200 and an errcode body. errmsg null means WeChat's usual text. */
    record ErrorCode(String api, int errcode, String errmsg, int count) implements Fault {
        public ErrorCode {
            requireKnownApi(api);
            requirePositive(count);
            if (errcode == 0) {
                throw new IllegalArgumentException("errcode 0 is success, not a fault");
            }
        }
    }

    /** A failing gateway in front of WeChat: the status and an HTML page instead of JSON. */
    record HttpStatus(String api, int status, int count) implements Fault {
        public HttpStatus {
            requireKnownApi(api);
            requirePositive(count);
            if (status < 200 || status > 599) {
                throw new IllegalArgumentException("httpStatus must be between 200 and 599, was " + status);
            }
        }
    }

    /** A slow WeChat: waits, then answers as usual. */
    record Delay(String api, Duration delay, int count) implements Fault {
        public Delay {
            requireKnownApi(api);
            requirePositive(count);
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("delay must be positive, was " + delay);
            }
        }
    }

    static Fault errcode(String api, int errcode, int count) {
        return new ErrorCode(api, errcode, null, count);
    }

    static Fault httpStatus(String api, int status, int count) {
        return new HttpStatus(api, status, count);
    }

    static Fault delay(String api, Duration delay, int count) {
        return new Delay(api, delay, count);
    }

    /**
     * Reads the JSON form, e.g. {@code {"api":"subscribe_send","errcode":45009,"count":2}}.
     *
     * @throws IllegalArgumentException when the JSON is not a valid fault, saying why
     */
    static Fault fromJson(String json) {
        return FaultJson.read(json);
    }

    /** This fault in its JSON form. */
    default String toJson() {
        return FaultJson.write(this);
    }

    /** Whether this fault answers a call of {@code calledApi}. */
    default boolean appliesTo(String calledApi) {
        return api().equals(ANY_API) || api().equals(calledApi);
    }

    private static void requireKnownApi(String api) {
        Set<String> known = Set.of(WeChatStandIn.CODE2SESSION, WeChatStandIn.STABLE_TOKEN,
                WeChatStandIn.SUBSCRIBE_SEND, ANY_API);
        if (!known.contains(api)) {
            throw new IllegalArgumentException("api must be one of " + known + ", was " + api);
        }
    }

    private static void requirePositive(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
    }
}
