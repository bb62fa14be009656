package com.mplifecycle.functions.admin;

import com.mplifecycle.aws.http.ApiRequest;
import com.mplifecycle.aws.http.BadRequestException;

/** An authenticated admin request: the app it is for, the raw request, its id. */
record AdminRequest(String appId, ApiRequest http, String requestId) {
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** A path parameter that must be an id (letters, digits, _ and -): no traversal, no separators. */
    String id(String name) {
        String value = http.pathParameter(name).orElseThrow(() -> new BadRequestException(400, name + " is required"));
        if (!ID.matcher(value).matches()) {
            throw new BadRequestException(400, name + " must be 1 to 64 letters, digits, _ or -");
        }
        return value;
    }

    /** A query parameter; an empty one ({@code ?status=}) counts as absent (no filter). */
    java.util.Optional<String> query(String name) {
        return http.queryParameter(name).filter(v -> !v.isEmpty());
    }

    /** The {@code limit} query parameter, from 1 to {@code max}; {@code whenAbsent} when not given. */
    int limit(int whenAbsent, int max) {
        java.util.Optional<String> text = query("limit");
        if (text.isEmpty()) {
            return whenAbsent;
        }
        try {
            int n = Integer.parseInt(text.get());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidFieldException("limit", "must be a whole number from 1 to " + max);
    }
}
