package com.mplifecycle.domain.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of one JSON object (as maps and lists) that add a {@link FieldError} with the field's
 * path instead of throwing, so a request learns every problem at once.
 */
final class JsonFields {
    private final Map<String, Object> json;
    private final String prefix;
    private final List<FieldError> errors;

    JsonFields(Map<String, Object> json, String prefix, List<FieldError> errors) {
        this.json = json == null ? Map.of() : json;
        this.prefix = prefix;
        this.errors = errors;
    }

    private String path(String field) {
        return prefix + field;
    }

    private void error(String field, String reason) {
        errors.add(new FieldError(path(field), reason));
    }

    String string(String field, boolean required, int maxLength) {
        Object v = json.get(field);
        if (v == null) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if (!(v instanceof String) || ((String) v).isBlank()) {
            error(field, "must be a non-blank string");
            return null;
        }
        String s = (String) v;
        if (s.codePointCount(0, s.length()) > maxLength) {
            error(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return s;
    }

    boolean bool(String field, boolean absent) {
        Object v = json.get(field);
        if (v == null) {
            return absent;
        }
        if (!(v instanceof Boolean)) {
            error(field, "must be true or false");
            return absent;
        }
        return (Boolean) v;
    }

    int integer(String field, int absent, int min, int max) {
        Object v = json.get(field);
        if (v == null) {
            return absent;
        }
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < min
                || ((Number) v).longValue() > max) {
            error(field, "must be an integer from " + min + " to " + max);
            return absent;
        }
        return ((Number) v).intValue();
    }

    @SuppressWarnings("unchecked")
    Optional<JsonFields> object(String field, boolean required) {
        Object v = json.get(field);
        if (v == null) {
            if (required) {
                error(field, "is required");
            }
            return Optional.empty();
        }
        if (!(v instanceof Map)) {
            error(field, "must be an object");
            return Optional.empty();
        }
        return Optional.of(new JsonFields((Map<String, Object>) v, path(field) + ".", errors));
    }

    @SuppressWarnings("unchecked")
    List<JsonFields> objects(String field) {
        Object v = json.get(field);
        List<JsonFields> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List)) {
            error(field, "must be a list");
            return out;
        }
        List<Object> items = (List<Object>) v;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Map) {
                out.add(new JsonFields((Map<String, Object>) items.get(i), path(field) + "[" + i + "].", errors));
            } else {
                error(field + "[" + i + "]", "must be an object");
            }
        }
        return out;
    }

    /** Every field of this object as a string value (keyword data). */
    Map<String, String> strings() {
        Map<String, String> out = new LinkedHashMap<>();
        json.forEach((k, v) -> {
            if (v instanceof String) {
                out.put(k, (String) v);
            } else {
                error(k, "must be a string");
            }
        });
        return out;
    }

    /** A list of enum constant names, e.g. stages. */
    <E extends Enum<E>> List<E> names(String field, Class<E> type) {
        Object v = json.get(field);
        List<E> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List)) {
            error(field, "must be a list");
            return out;
        }
        for (Object item : (List<?>) v) {
            E constant = constant(field, item, type);
            if (constant != null) {
                out.add(constant);
            }
        }
        return out;
    }

    <E extends Enum<E>> E constant(String field, Object value, Class<E> type) {
        try {
            return Enum.valueOf(type, String.valueOf(value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error(field, "unknown value '" + value + "'");
            return null;
        }
    }

    Object raw(String field) {
        return json.get(field);
    }
}
