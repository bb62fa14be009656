package com.mplifecycle.functions.session;

import java.util.Map;

import com.mplifecycle.aws.http.BadRequestException;
import com.mplifecycle.aws.http.JsonBody;
import com.mplifecycle.domain.profile.CustomerIds;

/** The body of {@code POST /v1/session}: {@code {"appId": "...", "code": "..."}}. */
record LoginRequest(String appId, String code) {
    static final int MAX_BODY_BYTES = 4096;
    static final int MAX_CODE_LENGTH = 128;

    static LoginRequest parse(byte[] body) {
        Map<String, Object> root = JsonBody.object(body, MAX_BODY_BYTES, "{\"appId\",\"code\"}");
        if (!(root.get("appId") instanceof String appId) || !CustomerIds.isValidAppId(appId)) {
            throw new BadRequestException(400, "appId must be a string of 1 to 64 letters, digits, _ or -");
        }
        if (!(root.get("code") instanceof String code) || code.isBlank() || code.length() > MAX_CODE_LENGTH) {
            throw new BadRequestException(400, "code must be the non-empty string from wx.login");
        }
        return new LoginRequest(appId, code);
    }
}
