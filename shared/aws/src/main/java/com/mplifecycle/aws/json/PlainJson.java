package com.mplifecycle.aws.json;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

/**
 * JSON text ↔ plain Java values ({@code Map<String, Object>} in document order, {@code List}, String,
 * Integer/Long/BigInteger, Double, Boolean, null) on jackson-core alone. Request bodies, tokens,
 * secrets, log lines, answers and event chunks are such values; going through Jackson databind
 * (and {@link Json}'s mapper with its modules) for them cost a function about 200 ms of CPU at cold
 * start. Same limits, numbers and null handling as {@link Json#MAPPER}: what it reads is what
 * {@code MAPPER.readTree} followed by {@code convertValue} gave, and what it writes is what
 * {@link Json#write} and {@link Json#writeWithNulls} wrote; a value that is not plain (a record, an
 * Instant, an enum) is handed to them.
 */
public final class PlainJson {
    // Json's limits are compile-time constants: reading them does not build its mapper
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Json.MAX_NESTING)
                    .maxNumberLength(Json.MAX_NUMBER_LENGTH)
                    .maxStringLength(Json.MAX_STRING_LENGTH)
                    .build())
            .build();

    private PlainJson() {
    }

    /**
     * The value of a JSON text; null for the literal {@code null} and for text without any value
     * (blank), which databind's {@code readTree} gave as a missing node.
     *
     * @throws IllegalArgumentException when the text is not JSON, has more after its value, or exceeds the limits
     */
    public static Object read(byte[] json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            return readRoot(p);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The JSON object of a text (an event, a stored document), as a map in document order.
     *
     * @throws IllegalArgumentException when the text is not JSON or its value is not an object
     */
    public static Map<String, Object> readObject(byte[] json) {
        return asObject(read(json));
    }

    /** As {@link #readObject(byte[])}. */
    public static Map<String, Object> readObject(String json) {
        return asObject(read(json));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return (Map<String, Object>) value;
    }

    /**
     * A streaming parser over the bytes with the same limits, for readers that pick a few fields out of
     * a large document (an HTTP API event) instead of building all of it.
     */
    public static JsonParser parser(byte[] json) throws IOException {
        return FACTORY.createParser(json);
    }

    /** As {@link #read(byte[])}. */
    public static Object read(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            return readRoot(p);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Writes the value; map entries whose value is null are left out (as {@link Json#write}). */
    public static String write(Object value) {
        return isPlain(value) ? writePlain(value, false) : Json.write(value);
    }

    /** What a {@link #utf8} caller writes: one JSON value through the generator it is given. */
    @FunctionalInterface
    public interface Body {
        void writeTo(JsonGenerator g) throws IOException;
    }

    /**
     * UTF-8 JSON written field by field by the caller, without a String or a tree in between: for
     * documents on a hot path whose shape the caller knows (a request's events chunk).
     */
    public static byte[] utf8(Body body) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(1024)) {
            try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                body.writeTo(g);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
    }

    /** Writes a value inside a {@link #utf8} body exactly as {@link #write} writes it on its own. */
    public static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (isPlain(value)) {
            writeValue(g, value, false);
        } else {
            g.writeRawValue(Json.write(value));
        }
    }

    /** Writes the value with null map entries spelled {@code null} (as {@link Json#writeWithNulls}). */
    public static String writeWithNulls(Object value) {
        return isPlain(value) ? writePlain(value, true) : Json.writeWithNulls(value);
    }

    /** A value as databind's {@code JsonNode.asText(fallback)} gave it: text, number or boolean as text. */
    public static String asText(Object value, String fallback) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return value == null ? fallback : "";
    }

    /**
     * A value as databind's {@code JsonNode.asLong(fallback)} gave it: numbers truncated, numeric text
     * parsed, booleans 1 or 0.
     */
    public static long asLong(Object value, long fallback) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof String s) {
            return parseAsLong(s, fallback, false);
        }
        return fallback;
    }

    /** As {@link #asLong}, for ints. */
    public static int asInt(Object value, int fallback) {
        if (value instanceof String s) {
            return (int) parseAsLong(s, fallback, true);
        }
        return value instanceof Number n ? n.intValue() : (int) asLong(value, fallback);
    }

    /** Jackson's {@code NumberInput.parseAsInt/parseAsLong}: digits exactly, else a double truncated, else the fallback. */
    private static long parseAsLong(String text, long fallback, boolean asInt) {
        String s = text.trim();
        if (s.isEmpty()) {
            return fallback;
        }
        if (s.charAt(0) == '+') {
            s = s.substring(1);
        }
        for (int i = s.startsWith("-") ? 1 : 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > '9' || c < '0') {
                try {
                    double d = Double.parseDouble(s);
                    return asInt ? (int) d : (long) d;
                } catch (NumberFormatException e) {
                    return fallback;
                }
            }
        }
        try {
            return asInt ? Integer.parseInt(s) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Object readRoot(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            return null;
        }
        Object value = readValue(p, first);
        if (p.nextToken() != null) {
            throw new IllegalArgumentException("not valid JSON: more content after the value");
        }
        return value;
    }

    private static Object readValue(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName();
                    object.put(name, readValue(p, p.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(readValue(p, t));
                }
                return array;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return p.getIntValue();
                    case LONG:
                        return p.getLongValue();
                    default:
                        return p.getBigIntegerValue();
                }
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalArgumentException("not valid JSON: unexpected " + token);
        }
    }

    /** Whether {@link #writePlain} can write the value exactly as databind would. */
    private static boolean isPlain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double || value instanceof Float
                || value instanceof BigInteger || value instanceof BigDecimal) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String) || !isPlain(e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Collection<?> list) {
            for (Object item : list) {
                if (!isPlain(item)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static String writePlain(Object value, boolean withNulls) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writeValue(g, value, withNulls);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string", e);
        }
        return out.toString();
    }

    private static void writeValue(JsonGenerator g, Object value, boolean withNulls) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer i) {
            g.writeNumber(i);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof Float f) {
            g.writeNumber(f);
        } else if (value instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (value instanceof BigDecimal b) {
            g.writeNumber(b);
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() != null || withNulls) {
                    g.writeFieldName((String) e.getKey());
                    writeValue(g, e.getValue(), withNulls);
                }
            }
            g.writeEndObject();
        } else {
            g.writeStartArray();
            for (Object item : (Collection<?>) value) {
                writeValue(g, item, withNulls);
            }
            g.writeEndArray();
        }
    }
}
