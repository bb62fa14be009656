package com.mplifecycle.aws.json;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import io.avaje.json.JsonAdapter;
import io.avaje.json.JsonDataException;
import io.avaje.json.JsonReader;
import io.avaje.json.JsonWriter;
import io.avaje.jsonb.AdapterFactory;
import io.avaje.jsonb.Jsonb;

/**
 * The project's JSON conventions as avaje-jsonb adapters, unchanged from the items stored so far:
 * {@code Instant} as epoch milliseconds; {@code LocalDate}, {@code LocalTime} and {@code YearMonth}
 * as arrays ({@code [2026,3,1]}, {@code [22,0]}, {@code [2026,3]}; ISO text also read);
 * {@code ZoneId} by id; maps keyed by numbers or dates with the key as text; and plain values
 * ({@code Object}: maps in document order, lists, Integer/Long/BigInteger, Double, ...) read with
 * the limits hostile bodies need ({@link Json#MAX_NESTING}, {@link Json#MAX_NUMBER_LENGTH}).
 */
final class JsonAdapters {
    private JsonAdapters() {
    }

    static Jsonb.Builder register(Jsonb.Builder builder) {
        return builder
                .classLoader(JsonAdapters.class.getClassLoader())
                .add(Instant.class, new InstantAdapter().nullSafe())
                .add(LocalDate.class, new LocalDateAdapter().nullSafe())
                .add(LocalTime.class, new LocalTimeAdapter().nullSafe())
                .add(YearMonth.class, new YearMonthAdapter().nullSafe())
                .add(ZoneId.class, new ZoneIdAdapter().nullSafe())
                .add(Object.class, PlainValueAdapter::new)
                .add(KeyedMapFactory.INSTANCE);
    }

    /** Epoch milliseconds; seconds with a fraction and ISO text are read too. */
    static final class InstantAdapter implements JsonAdapter<Instant> {
        @Override
        public void toJson(JsonWriter writer, Instant value) {
            writer.value(value.toEpochMilli());
        }

        @Override
        public Instant fromJson(JsonReader reader) {
            if (reader.currentToken() == JsonReader.Token.STRING) {
                return Instant.parse(reader.readString());
            }
            BigDecimal n = reader.readDecimal();
            if (n.stripTrailingZeros().scale() <= 0) {
                return Instant.ofEpochMilli(n.longValueExact());
            }
            long seconds = n.setScale(0, RoundingMode.FLOOR).longValueExact();
            return Instant.ofEpochSecond(seconds, n.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).longValue());
        }
    }

    static final class LocalDateAdapter implements JsonAdapter<LocalDate> {
        @Override
        public void toJson(JsonWriter writer, LocalDate value) {
            ints(writer, value.getYear(), value.getMonthValue(), value.getDayOfMonth());
        }

        @Override
        public LocalDate fromJson(JsonReader reader) {
            if (reader.currentToken() == JsonReader.Token.STRING) {
                return LocalDate.parse(reader.readString());
            }
            int[] p = ints(reader, "LocalDate", 3, 3);
            return LocalDate.of(p[0], p[1], p[2]);
        }
    }

    /** As databind's JSR-310 module wrote it: seconds and milliseconds only when not zero. */
    static final class LocalTimeAdapter implements JsonAdapter<LocalTime> {
        @Override
        public void toJson(JsonWriter writer, LocalTime t) {
            if (t.getNano() != 0) {
                ints(writer, t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000);
            } else if (t.getSecond() != 0) {
                ints(writer, t.getHour(), t.getMinute(), t.getSecond());
            } else {
                ints(writer, t.getHour(), t.getMinute());
            }
        }

        @Override
        public LocalTime fromJson(JsonReader reader) {
            if (reader.currentToken() == JsonReader.Token.STRING) {
                return LocalTime.parse(reader.readString());
            }
            int[] p = ints(reader, "LocalTime", 2, 4);
            return LocalTime.of(p[0], p[1], p.length > 2 ? p[2] : 0, p.length > 3 ? p[3] * 1_000_000 : 0);
        }
    }

    static final class YearMonthAdapter implements JsonAdapter<YearMonth> {
        @Override
        public void toJson(JsonWriter writer, YearMonth value) {
            ints(writer, value.getYear(), value.getMonthValue());
        }

        @Override
        public YearMonth fromJson(JsonReader reader) {
            if (reader.currentToken() == JsonReader.Token.STRING) {
                return YearMonth.parse(reader.readString());
            }
            int[] p = ints(reader, "YearMonth", 2, 2);
            return YearMonth.of(p[0], p[1]);
        }
    }

    static final class ZoneIdAdapter implements JsonAdapter<ZoneId> {
        @Override
        public void toJson(JsonWriter writer, ZoneId value) {
            writer.value(value.getId());
        }

        @Override
        public ZoneId fromJson(JsonReader reader) {
            if (reader.currentToken() != JsonReader.Token.STRING) {
                throw new JsonDataException("expected a string for ZoneId at " + reader.location());
            }
            return ZoneId.of(reader.readString());
        }
    }

    private static void ints(JsonWriter writer, int... values) {
        writer.beginArray();
        for (int v : values) {
            writer.value(v);
        }
        writer.endArray();
    }

    private static int[] ints(JsonReader reader, String type, int min, int max) {
        if (reader.currentToken() != JsonReader.Token.BEGIN_ARRAY) {
            throw new JsonDataException("expected " + type + " as an array or text at " + reader.location());
        }
        int[] values = new int[max];
        int n = 0;
        reader.beginArray();
        while (reader.hasNextElement()) {
            if (n == max) {
                throw new JsonDataException("expected " + type + " as " + min + " to " + max + " numbers");
            }
            values[n++] = reader.readInt();
        }
        reader.endArray();
        if (n < min) {
            throw new JsonDataException("expected " + type + " as " + min + " to " + max + " numbers");
        }
        return java.util.Arrays.copyOf(values, n);
    }

    /**
     * Java's shortest text of the number ({@code 1.0E20}, {@code -0.0}, a float's own digits), which is
     * valid JSON; NaN and the infinities, which JSON lacks, as text.
     */
    private static void writeDecimal(JsonWriter writer, Object number) {
        double d = ((Number) number).doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            writer.value(String.valueOf(number));
        } else {
            writer.rawValue(String.valueOf(number));
        }
    }

    /** Maps keyed by Integer, Long or LocalDate (JSON keys are text), and sorted maps of any of those or String. */
    enum KeyedMapFactory implements AdapterFactory {
        INSTANCE;

        @Override
        public JsonAdapter<?> create(Type type, Jsonb jsonb) {
            if (!(type instanceof ParameterizedType p)) {
                return null;
            }
            Type raw = p.getRawType();
            if (raw != Map.class && raw != SortedMap.class) {
                return null;
            }
            Type keyType = p.getActualTypeArguments()[0];
            Function<String, Object> key;
            if (keyType == Integer.class) {
                key = Integer::valueOf;
            } else if (keyType == Long.class) {
                key = Long::valueOf;
            } else if (keyType == LocalDate.class) {
                key = LocalDate::parse;
            } else if (keyType == String.class && raw == SortedMap.class) {
                key = k -> k;
            } else {
                return null;
            }
            return new KeyedMapAdapter(jsonb.adapter(p.getActualTypeArguments()[1]), key, raw == SortedMap.class)
                    .nullSafe();
        }
    }

    private record KeyedMapAdapter(JsonAdapter<Object> values, Function<String, Object> key, boolean sorted)
            implements JsonAdapter<Map<Object, Object>> {
        @Override
        public void toJson(JsonWriter writer, Map<Object, Object> map) {
            writer.beginObject();
            for (Map.Entry<Object, Object> e : map.entrySet()) {
                if (e.getValue() != null || writer.serializeNulls()) {
                    writer.name(e.getKey().toString());
                    values.toJson(writer, e.getValue());
                }
            }
            writer.endObject();
        }

        @Override
        public Map<Object, Object> fromJson(JsonReader reader) {
            Map<Object, Object> map = sorted ? new TreeMap<>() : new LinkedHashMap<>();
            reader.beginObject();
            while (reader.hasNextField()) {
                String name = reader.nextField();
                map.put(key.apply(name), values.fromJson(reader));
            }
            reader.endObject();
            return map;
        }
    }

    /**
     * Plain values: objects as maps in document order, arrays as lists, whole numbers as Integer,
     * Long or BigInteger by size, other numbers as Double. Nesting deeper than {@link Json#MAX_NESTING}
     * and numbers of more than {@link Json#MAX_NUMBER_LENGTH} digits are refused (hostile bodies).
     * Writing takes those and enums (by name), instants (epoch ms) and documents with an adapter.
     */
    static final class PlainValueAdapter implements JsonAdapter<Object> {
        private final Jsonb jsonb;

        PlainValueAdapter(Jsonb jsonb) {
            this.jsonb = jsonb;
        }

        @Override
        public Object fromJson(JsonReader reader) {
            return read(reader, 0);
        }

        private static Object read(JsonReader reader, int depth) {
            switch (reader.currentToken()) {
                case BEGIN_OBJECT -> {
                    nest(depth);
                    Map<String, Object> object = new LinkedHashMap<>();
                    reader.beginObject();
                    while (reader.hasNextField()) {
                        String name = reader.nextField();
                        object.put(name, read(reader, depth + 1));
                    }
                    reader.endObject();
                    return object;
                }
                case BEGIN_ARRAY -> {
                    nest(depth);
                    List<Object> array = new ArrayList<>();
                    reader.beginArray();
                    while (reader.hasNextElement()) {
                        array.add(read(reader, depth + 1));
                    }
                    reader.endArray();
                    return array;
                }
                case STRING -> {
                    return reader.readString();
                }
                case NUMBER -> {
                    return number(reader.readDecimal());
                }
                case BOOLEAN -> {
                    return reader.readBoolean();
                }
                default -> {
                    reader.isNullValue();
                    return null;
                }
            }
        }

        private static void nest(int depth) {
            if (depth >= Json.MAX_NESTING) {
                throw new JsonDataException("nested deeper than " + Json.MAX_NESTING);
            }
        }

        private static Object number(BigDecimal n) {
            if (n.precision() > Json.MAX_NUMBER_LENGTH) {
                throw new JsonDataException("number longer than " + Json.MAX_NUMBER_LENGTH + " digits");
            }
            if (n.scale() != 0) {
                // a fraction or an exponent: a double, as JSON parsers commonly read them (1e400 is Infinity)
                return n.doubleValue();
            }
            BigInteger whole = n.toBigIntegerExact();
            int bits = whole.bitLength();
            return bits < 32 ? (Object) whole.intValue() : bits < 64 ? (Object) whole.longValue() : whole;
        }

        @Override
        public void toJson(JsonWriter writer, Object value) {
            if (value == null) {
                writer.nullValue();
            } else if (value instanceof String s) {
                writer.value(s);
            } else if (value instanceof Boolean b) {
                writer.value(b.booleanValue());
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                writer.value(((Number) value).longValue());
            } else if (value instanceof Double || value instanceof Float) {
                writeDecimal(writer, value);
            } else if (value instanceof BigInteger b) {
                writer.value(b);
            } else if (value instanceof BigDecimal b) {
                writer.value(b);
            } else if (value instanceof Map<?, ?> map) {
                writer.beginObject();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (e.getValue() != null || writer.serializeNulls()) {
                        writer.name(e.getKey() instanceof Enum<?> k ? k.name() : String.valueOf(e.getKey()));
                        toJson(writer, e.getValue());
                    }
                }
                writer.endObject();
            } else if (value instanceof Collection<?> items) {
                writer.beginArray();
                for (Object item : items) {
                    if (item == null) {
                        // an array keeps its nulls even where object members leave them out
                        boolean nulls = writer.serializeNulls();
                        writer.serializeNulls(true);
                        writer.nullValue();
                        writer.serializeNulls(nulls);
                    } else {
                        toJson(writer, item);
                    }
                }
                writer.endArray();
            } else if (value instanceof Enum<?> e) {
                writer.value(e.name());
            } else {
                JsonAdapter<Object> document = jsonb.adapter((Type) value.getClass());
                document.toJson(writer, value);
            }
        }
    }
}
