package com.mplifecycle.domain.sharing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.mplifecycle.domain.event.EventType;
import com.mplifecycle.domain.event.TrackedEvent;

/**
 * Where share ids appear in events: the {@code shareId} of a {@code share} event, and the
 * {@code clm_s} parameter of the page query of a launch or show that opened the mini-program from
 * that share (the SDK appends {@code clm_s=<shareId>} to the path {@code onShareAppMessage} returns).
 * A query arrives as an object of parameters or as the raw query string.
 */
public final class ShareLink {
    /** The query parameter that carries a share id. */
    public static final String PARAMETER = "clm_s";
    private static final Pattern SHARE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private ShareLink() {
    }

    /** The share id a {@code share} event names, if it names a valid one. */
    public static Optional<String> sharedBy(TrackedEvent e) {
        return e.type() == EventType.SHARE && e.has("shareId") ? valid(e.string("shareId")) : Optional.empty();
    }

    /** The share id a launch or show was opened from, if its query names a valid one. */
    public static Optional<String> openedFrom(TrackedEvent e) {
        if (e.type() != EventType.APP_LAUNCH && e.type() != EventType.APP_SHOW) {
            return Optional.empty();
        }
        Object query = e.props().get("query");
        if (query instanceof Map<?, ?> parameters) {
            Object id = parameters.get(PARAMETER);
            return id instanceof String s ? valid(s) : Optional.empty();
        }
        if (query instanceof String raw) {
            for (String pair : raw.startsWith("?") ? raw.substring(1).split("&") : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(PARAMETER)) {
                    return valid(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> valid(String id) {
        return SHARE_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }
}
