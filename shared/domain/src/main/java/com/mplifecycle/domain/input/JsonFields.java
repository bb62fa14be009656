package com.mplifecycle.domain.input;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed reads of one JSON object (as maps and lists) that add a {@link FieldError} with the field's
 * path instead of throwing, so a request learns every problem at once. The one way admin request
 * bodies (campaigns, settings) are validated: a reader collects the errors and answers either the
 * value or all of them.
 */
public final class JsonFields {
    private final Map<String, Object> json;
    private final String prefix;
    private final List<FieldError> errors;

    public JsonFields(Map<String, Object> json, String prefix, List<FieldError> errors) {
        this.json = json == null ? Map.of() : json;
        this.prefix = prefix;
        this.errors = errors;
    }

    private String path(String field) {
        return prefix + field;
    }

    /** Records that {@code field} of this object is invalid. */
    public void error(String field, String reason) {
        errors.add(new FieldError(path(field), reason));
    }

    public String string(String field, boolean required, int maxLength) {
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

    public boolean bool(String field, boolean absent) {
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

    public int integer(String field, int absent, int min, int max) {
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
    public Optional<JsonFields> object(String field, boolean required) {
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
    public List<JsonFields> objects(String field) {
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
    public Map<String, String> strings() {
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
    public <E extends Enum<E>> List<E> names(String field, Class<E> type) {
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

    public <E extends Enum<E>> E constant(String field, Object value, Class<E> type) {
        try {
            return Enum.valueOf(type, String.valueOf(value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error(field, "unknown value '" + value + "'");
            return null;
        }
    }

    /** A number from {@code min} to {@code max} with at most {@code decimals} decimal places. */
    public double number(String field, double absent, double min, double max, int decimals) {
        Object v = json.get(field);
        if (v == null) {
            return absent;
        }
        double d = v instanceof Number n ? n.doubleValue() : Double.NaN;
        if (!(d >= min && d <= max)) {
            error(field, "must be a number from " + plain(min) + " to " + plain(max));
            return absent;
        }
        double scaled = d * Math.pow(10, decimals);
        if (Math.abs(scaled - Math.rint(scaled)) > 1e-6) {
            error(field, "must have at most " + decimals + " decimal places");
            return absent;
        }
        return d;
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** A number strictly between 0 and 1 (a probability threshold). */
    public double fraction(String field, double absent) {
        Object v = json.get(field);
        if (v == null) {
            return absent;
        }
        double d = v instanceof Number n ? n.doubleValue() : Double.NaN;
        if (!(d > 0 && d < 1)) {
            error(field, "must be a number strictly between 0 and 1");
            return absent;
        }
        return d;
    }

    /** A local time {@code HH:mm}. */
    public LocalTime time(String field, LocalTime absent) {
        Object v = json.get(field);
        if (v == null) {
            return absent;
        }
        try {
            if (v instanceof String text && text.matches("\\d{2}:\\d{2}")) {
                return LocalTime.parse(text);
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        error(field, "must be a local time HH:mm");
        return absent;
    }

    /** Refuses every field not in {@code known}: a typo must not look like success. */
    public void onlyKnown(Set<String> known) {
        json.keySet().stream().filter(k -> !known.contains(k)).sorted()
                .forEach(k -> error(k, "is not a known field; one of " + new TreeSet<>(known)));
    }

    public boolean has(String field) {
        return json.get(field) != null;
    }

    public Object raw(String field) {
        return json.get(field);
    }
}
