package com.mplifecycle.domain.event;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The value kinds event properties can have; each checks and normalises a parsed JSON value. */
enum FieldKind {
    /** Any integer (e.g. a scene value). */
    INTEGER,
    /** An integer ≥ 0 (durations, prices, amounts in fen). */
    NON_NEGATIVE_INTEGER,
    /** An integer ≥ 1 (quantities, refund amounts). */
    POSITIVE_INTEGER,
    /** A short string (ids, paths, skus). */
    SHORT_STRING,
    /** Free text up to 2,000 characters (feedback). */
    TEXT,
    /** A calendar date yyyy-MM-dd. */
    DATE,
    /** A birthday MM-dd. */
    MONTH_DAY,
    /** One of bug, suggestion, complaint. */
    FEEDBACK_CATEGORY,
    /** A list of short strings (tags). */
    STRING_LIST,
    /** A string or a flat object of strings and integers (a page query). */
    QUERY,
    /** A list of flat objects (order items). */
    ITEM_LIST,
    /** {templateId: accept|reject|ban|filter}. */
    SUBSCRIBE_RESULTS;

    static final long MAX_INTEGER = 1_000_000_000_000L;
    private static final int SHORT_MAX = 256;
    private static final int TEXT_MAX = 2_000;
    private static final int LIST_MAX = 100;
    private static final Set<String> CATEGORIES = Set.of("bug", "suggestion", "complaint");
    private static final Set<String> SUBSCRIBE_OUTCOMES = Set.of("accept", "reject", "ban", "filter");
    private static final DateTimeFormatter MONTH_DAY_FORMAT = DateTimeFormatter.ofPattern("MM-dd");

    /** Returns the normalised value, or throws {@link InvalidField} with the reason. */
    Object normalise(Object value) {
        switch (this) {
            case INTEGER:
                return integer(value, Long.MIN_VALUE);
            case NON_NEGATIVE_INTEGER:
                return integer(value, 0);
            case POSITIVE_INTEGER:
                return integer(value, 1);
            case SHORT_STRING:
                return string(value, SHORT_MAX, false);
            case TEXT:
                return string(value, TEXT_MAX, true);
            case DATE:
                return date(value);
            case MONTH_DAY:
                return monthDay(value);
            case FEEDBACK_CATEGORY:
                return oneOf(value, CATEGORIES);
            case STRING_LIST:
                return stringList(value);
            case QUERY:
                return value instanceof String ? string(value, SHORT_MAX * 4, false) : flatObject(value);
            case ITEM_LIST:
                return itemList(value);
            case SUBSCRIBE_RESULTS:
                return subscribeResults(value);
            default:
                throw new IllegalStateException("unhandled kind " + this);
        }
    }

    private static long integer(Object value, long min) {
        if (!(value instanceof Integer || value instanceof Long)) {
            throw new InvalidField(value instanceof Number ? "must be an integer within range" : "must be an integer");
        }
        long n = ((Number) value).longValue();
        if (n < min || Math.abs(n) > MAX_INTEGER) {
            throw new InvalidField(min > Long.MIN_VALUE ? "must be an integer from " + min + " to " + MAX_INTEGER
                    : "must be an integer within ±" + MAX_INTEGER);
        }
        return n;
    }

    private static String string(Object value, int max, boolean allowLineBreaks) {
        if (!(value instanceof String s)) {
            throw new InvalidField("must be a string");
        }
        if (s.isEmpty()) {
            throw new InvalidField("must not be empty");
        }
        if (s.length() > max) {
            throw new InvalidField("must be at most " + max + " characters");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if (Character.isISOControl(c) && !(allowLineBreaks && lineBreak)) {
                throw new InvalidField("must not contain control characters");
            }
            if (Character.isSurrogate(c) && !validSurrogateAt(s, i)) {
                throw new InvalidField("must be valid UTF-16 text");
            }
        }
        return s;
    }

    private static boolean validSurrogateAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static String date(Object value) {
        String s = string(value, 10, false);
        try {
            return LocalDate.parse(s).toString();
        } catch (DateTimeParseException e) {
            throw new InvalidField("must be a date yyyy-MM-dd");
        }
    }

    private static String monthDay(Object value) {
        String s = string(value, 5, false);
        try {
            return MonthDay.parse(s, MONTH_DAY_FORMAT).format(MONTH_DAY_FORMAT);
        } catch (DateTimeParseException e) {
            throw new InvalidField("must be a day MM-dd");
        }
    }

    private static String oneOf(Object value, Set<String> allowed) {
        String s = string(value, SHORT_MAX, false);
        if (!allowed.contains(s)) {
            throw new InvalidField("must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return s;
    }

    private static List<String> stringList(Object value) {
        if (!(value instanceof List<?> list) || list.size() > LIST_MAX) {
            throw new InvalidField("must be a list of at most " + LIST_MAX + " strings");
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object item : list) {
            out.add(string(item, SHORT_MAX, false));
        }
        return List.copyOf(out);
    }

    private static Map<String, Object> flatObject(Object value) {
        if (!(value instanceof Map<?, ?> map) || map.size() > LIST_MAX) {
            throw new InvalidField("must be an object of at most " + LIST_MAX + " strings or integers");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = string(e.getKey(), SHORT_MAX, false);
            Object v = e.getValue();
            out.put(key, v instanceof String ? string(v, SHORT_MAX, false) : integer(v, Long.MIN_VALUE));
        }
        return Map.copyOf(out);
    }

    private static List<Map<String, Object>> itemList(Object value) {
        if (!(value instanceof List<?> list) || list.size() > LIST_MAX) {
            throw new InvalidField("must be a list of at most " + LIST_MAX + " objects");
        }
        List<Map<String, Object>> out = new ArrayList<>(list.size());
        for (Object item : list) {
            out.add(flatObject(item));
        }
        return List.copyOf(out);
    }

    private static Map<String, Object> subscribeResults(Object value) {
        if (!(value instanceof Map<?, ?> map) || map.isEmpty() || map.size() > LIST_MAX) {
            throw new InvalidField("must be a non-empty object {templateId: accept|reject|ban|filter}");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.put(string(e.getKey(), SHORT_MAX, false), oneOf(e.getValue(), SUBSCRIBE_OUTCOMES));
        }
        return Map.copyOf(out);
    }

    /** A field that failed its kind's check. */
    static final class InvalidField extends RuntimeException {
        InvalidField(String reason) {
            super(reason, null, false, false);
        }
    }
}
