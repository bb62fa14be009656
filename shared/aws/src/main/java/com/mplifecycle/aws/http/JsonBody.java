package com.mplifecycle.aws.http;

import java.util.Map;

import com.mplifecycle.aws.json.PlainJson;

/** A request body that must be one JSON object of bounded size: 400 or 413 with the reason otherwise. */
public final class JsonBody {
    private JsonBody() {
    }

    /**
     * @param shape how the object should look, quoted in the 400's reason
     * @return the object's members in body order, as {@link PlainJson} reads them
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(byte[] body, int maxBytes, String shape) {
        if (body == null || body.length == 0) {
            throw new BadRequestException(400, "body is required");
        }
        if (body.length > maxBytes) {
            throw new BadRequestException(413, "body is larger than " + maxBytes + " bytes");
        }
        Object root;
        try {
            root = PlainJson.read(body);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(400, "body is not valid JSON");
        }
        if (!(root instanceof Map)) {
            throw new BadRequestException(400, "body must be a JSON object " + shape);
        }
        return (Map<String, Object>) root;
    }
}
