package com.mplifecycle.functions.loyalty;

import java.util.regex.Pattern;

import com.mplifecycle.aws.http.ApiRequest;
import com.mplifecycle.aws.http.BadRequestException;

/**
 * An authenticated loyalty request: the app and, for the customer's own routes ({@code /v1/me...})
 * and the admin's customer routes, the customer it is about.
 */
record LoyaltyRequest(String appId, String customerId, String openid, ApiRequest http, String requestId) {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final Pattern CUSTOMER_ID = Pattern.compile("c_[0-9a-f]{24}");

    /** A path parameter that must be an id (letters, digits, _ and -). */
    String id(String name) {
        String value = http.pathParameter(name).orElseThrow(() -> new BadRequestException(400, name + " is required"));
        if (!ID.matcher(value).matches()) {
            throw new BadRequestException(400, name + " must be 1 to 64 letters, digits, _ or -");
        }
        return value;
    }

    /** The customer of the request: the session's, or the admin route's {@code customerId}. */
    String customer() {
        if (customerId != null) {
            return customerId;
        }
        String value = http.pathParameter("customerId").orElse("");
        if (!CUSTOMER_ID.matcher(value).matches()) {
            throw new BadRequestException(400, "customerId must be c_ and 24 hex digits");
        }
        return value;
    }
}
