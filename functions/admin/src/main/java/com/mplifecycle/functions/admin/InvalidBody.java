package com.mplifecycle.functions.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mplifecycle.aws.http.ApiResponse;
import com.mplifecycle.aws.http.ApiResponses;
import com.mplifecycle.domain.input.FieldError;

/**
 * The one answer to an admin request body that a reader refused (campaigns, settings): 400 with
 * every invalid field, {@code {"error":"invalid …","fields":[{"field","reason"}],"requestId"}}.
 */
final class InvalidBody {
    private InvalidBody() {
    }

    static ApiResponse answer(String what, List<FieldError> errors, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid " + what);
        body.put("fields", errors);
        body.put("requestId", requestId);
        return ApiResponses.json(400, body);
    }
}
