package com.mplifecycle.aws.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.json.Json;

/** A request body that must be one JSON object of bounded size: 400 or 413 with the reason otherwise. */
public final class JsonBody {
    private JsonBody() {
    }

    /** @param shape how the object should look, quoted in the 400's reason */
    public static JsonNode object(byte[] body, int maxBytes, String shape) {
        if (body == null || body.length == 0) {
            throw new BadRequestException(400, "body is required");
        }
        if (body.length > maxBytes) {
            throw new BadRequestException(413, "body is larger than " + maxBytes + " bytes");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (Exception e) {
            throw new BadRequestException(400, "body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new BadRequestException(400, "body must be a JSON object " + shape);
        }
        return root;
    }
}
