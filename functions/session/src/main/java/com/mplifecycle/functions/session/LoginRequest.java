package com.mplifecycle.functions.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.http.BadRequestException;
import com.mplifecycle.aws.json.Json;
import com.mplifecycle.domain.profile.CustomerIds;

/** The body of {@code POST /v1/session}: {@code {"appId": "...", "code": "..."}}. */
record LoginRequest(String appId, String code) {
    static final int MAX_BODY_BYTES = 4096;
    static final int MAX_CODE_LENGTH = 128;

    static LoginRequest parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new BadRequestException(400, "body is required");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new BadRequestException(413, "body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (Exception e) {
            throw new BadRequestException(400, "body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new BadRequestException(400, "body must be a JSON object {\"appId\",\"code\"}");
        }
        JsonNode appId = root.get("appId");
        JsonNode code = root.get("code");
        if (appId == null || !appId.isTextual() || !CustomerIds.isValidAppId(appId.asText())) {
            throw new BadRequestException(400, "appId must be a string of 1 to 64 letters, digits, _ or -");
        }
        if (code == null || !code.isTextual() || code.asText().isBlank()
                || code.asText().length() > MAX_CODE_LENGTH) {
            throw new BadRequestException(400, "code must be the non-empty string from wx.login");
        }
        return new LoginRequest(appId.asText(), code.asText());
    }
}
