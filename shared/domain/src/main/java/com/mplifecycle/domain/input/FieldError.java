package com.mplifecycle.domain.input;

import java.util.Objects;

/** Why a request body was refused: the JSON path of the field (e.g. {@code data.thing1}) and the reason. */
public record FieldError(String field, String reason) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }
}
