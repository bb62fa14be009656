package com.mplifecycle.aws.json;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Typed documents (records of the domain: profiles, settings, RFM runs, statistics) ↔ JSON on
 * jackson-core alone, written and read exactly as {@link Json#MAPPER} does: record components by
 * name, nulls left out, unknown names ignored, enums by name, {@code Instant} as epoch milliseconds,
 * {@code LocalDate}, {@code LocalTime} and {@code YearMonth} as arrays ({@code [2026,3,1]},
 * {@code [22,0]}, {@code [2026,3]}), dates and numbers as text in map keys, {@code ZoneId} by id. Documents stored by either read back the same
 * ({@code RecordJsonTest} holds the two to each other). Databind's ~500 classes and its
 * introspection of every record cost a function about 300 ms at cold start (a fresh JVM's first
 * profile read and write), more than the rest of the function's own code.
 *
 * <p>Supported component types: the JSON primitives and their boxes, String, enums, arrays, records, {@code List}/{@code Set}/{@code Collection}, {@code Map}/{@code SortedMap} with
 * String, enum, Integer, Long or LocalDate keys, and the time types above. Anything else is refused when first used.
 */
public final class RecordJson {
    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return RecordShape.of(type);
        }
    };

    private RecordJson() {
    }

    /** The document's JSON, as {@code Json.write} gives it. */
    public static String write(Record document) {
        return PlainJson.write(toPlain(document));
    }

    /**
     * The document of a JSON text.
     *
     * @throws IllegalArgumentException when the text is not JSON or does not make a valid {@code type}
     */
    public static <T extends Record> T read(String json, Class<T> type) {
        Object plain;
        try {
            plain = PlainJson.read(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid JSON for " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        try {
            return type.cast(fromPlain(plain, type));
        } catch (IllegalArgumentException | DateTimeException | ClassCastException | ArithmeticException e) {
            throw new IllegalArgumentException("invalid JSON for " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The document of a plain value already read (the detail of an event that {@code JsonObjectCall}
     * handed over), as databind's {@code convertValue} gave it.
     *
     * @throws IllegalArgumentException when the value does not make a valid {@code type}
     */
    public static <T extends Record> T convert(Object plain, Class<T> type) {
        try {
            return type.cast(fromPlain(plain, type));
        } catch (IllegalArgumentException | DateTimeException | ClassCastException | ArithmeticException e) {
            throw new IllegalArgumentException("invalid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ writing

    static Object toPlain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double || value instanceof Float) {
            return value;
        }
        if (value instanceof Short s) {
            return s.intValue();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Instant i) {
            return i.toEpochMilli();
        }
        if (value instanceof LocalDate d) {
            return List.of(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        }
        if (value instanceof LocalTime t) {
            return localTime(t);
        }
        if (value instanceof YearMonth m) {
            return List.of(m.getYear(), m.getMonthValue());
        }
        if (value instanceof ZoneId z) {
            return z.getId();
        }
        if (value instanceof Record r) {
            return SHAPES.get(r.getClass()).toPlain(r);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(key(k), toPlain(v)));
            return out;
        }
        if (value instanceof Collection<?> items) {
            List<Object> out = new ArrayList<>(items.size());
            items.forEach(item -> out.add(toPlain(item)));
            return out;
        }
        if (value.getClass().isArray()) {
            int n = Array.getLength(value);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(toPlain(Array.get(value, i)));
            }
            return out;
        }
        throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }

    /** As the JSR-310 module writes a LocalTime with timestamps on and nanoseconds off. */
    private static List<Integer> localTime(LocalTime t) {
        if (t.getNano() != 0) {
            return List.of(t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000);
        }
        return t.getSecond() != 0 ? List.of(t.getHour(), t.getMinute(), t.getSecond())
                : List.of(t.getHour(), t.getMinute());
    }

    private static String key(Object key) {
        if (key instanceof String s) {
            return s;
        }
        if (key instanceof Enum<?> e) {
            return e.name();
        }
        if (key instanceof LocalDate || key instanceof Integer || key instanceof Long) {
            return key.toString();
        }
        throw new IllegalArgumentException("no JSON key form for " + key.getClass().getName());
    }

    // ------------------------------------------------------------------ reading

    static Object fromPlain(Object plain, Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (plain == null) {
                return null;
            }
            if (Map.class.isAssignableFrom(raw)) {
                if (!(plain instanceof Map<?, ?> map)) {
                    throw new IllegalArgumentException("expected an object for " + raw.getSimpleName() + ", got "
                            + describe(plain));
                }
                Map<Object, Object> out = SortedMap.class.isAssignableFrom(raw) ? new TreeMap<>() : new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(keyOf((String) k, args[0]), fromPlain(v, args[1])));
                return out;
            }
            if (Collection.class.isAssignableFrom(raw)) {
                if (!(plain instanceof List<?> list)) {
                    throw new IllegalArgumentException("expected an array for " + raw.getSimpleName() + ", got "
                            + describe(plain));
                }
                Collection<Object> out = Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>() : new ArrayList<>();
                list.forEach(item -> out.add(fromPlain(item, args[0])));
                return out;
            }
            throw new IllegalArgumentException("no JSON form for " + type.getTypeName());
        }
        Class<?> c = (Class<?>) type;
        if (plain == null) {
            return c.isPrimitive() ? primitiveDefault(c) : null;
        }
        if (c == String.class) {
            return string(plain, c);
        }
        if (c == int.class || c == Integer.class) {
            return number(plain, c).intValue();
        }
        if (c == long.class || c == Long.class) {
            return number(plain, c).longValue();
        }
        if (c == double.class || c == Double.class) {
            return number(plain, c).doubleValue();
        }
        if (c == float.class || c == Float.class) {
            return number(plain, c).floatValue();
        }
        if (c == short.class || c == Short.class) {
            return number(plain, c).shortValue();
        }
        if (c == boolean.class || c == Boolean.class) {
            if (!(plain instanceof Boolean b)) {
                throw new IllegalArgumentException("expected true or false, got " + describe(plain));
            }
            return b;
        }
        if (c.isEnum()) {
            return enumValue(c, string(plain, c));
        }
        if (c == Instant.class) {
            return instant(plain);
        }
        if (c == LocalDate.class) {
            if (plain instanceof String s) {
                return LocalDate.parse(s);
            }
            List<?> parts = array(plain, c, 3, 3);
            return LocalDate.of(intAt(parts, 0), intAt(parts, 1), intAt(parts, 2));
        }
        if (c == LocalTime.class) {
            if (plain instanceof String s) {
                return LocalTime.parse(s);
            }
            List<?> parts = array(plain, c, 2, 4);
            return LocalTime.of(intAt(parts, 0), intAt(parts, 1), parts.size() > 2 ? intAt(parts, 2) : 0,
                    parts.size() > 3 ? intAt(parts, 3) * 1_000_000 : 0);
        }
        if (c == YearMonth.class) {
            if (plain instanceof String s) {
                return YearMonth.parse(s);
            }
            List<?> parts = array(plain, c, 2, 2);
            return YearMonth.of(intAt(parts, 0), intAt(parts, 1));
        }
        if (c == ZoneId.class) {
            return ZoneId.of(string(plain, c));
        }
        if (c.isArray()) {
            if (!(plain instanceof List<?> list)) {
                throw new IllegalArgumentException("expected an array for " + c.getSimpleName() + ", got "
                        + describe(plain));
            }
            Object out = Array.newInstance(c.getComponentType(), list.size());
            for (int i = 0; i < list.size(); i++) {
                Array.set(out, i, fromPlain(list.get(i), c.getComponentType()));
            }
            return out;
        }
        if (c.isRecord()) {
            if (!(plain instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("expected an object for " + c.getSimpleName() + ", got "
                        + describe(plain));
            }
            return SHAPES.get(c).fromPlain(map);
        }
        throw new IllegalArgumentException("no JSON form for " + c.getName());
    }

    private static Object keyOf(String key, Type type) {
        if (type == String.class) {
            return key;
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            return enumValue(c, key);
        }
        if (type == LocalDate.class) {
            return LocalDate.parse(key);
        }
        if (type == Integer.class) {
            return Integer.valueOf(key);
        }
        if (type == Long.class) {
            return Long.valueOf(key);
        }
        throw new IllegalArgumentException("no JSON key form for " + type.getTypeName());
    }

    /** Epoch milliseconds as written; seconds with a fraction and ISO text as databind also reads them. */
    private static Instant instant(Object plain) {
        if (plain instanceof Integer || plain instanceof Long || plain instanceof BigInteger) {
            return Instant.ofEpochMilli(((Number) plain).longValue());
        }
        if (plain instanceof Double d) {
            long seconds = (long) Math.floor(d);
            return Instant.ofEpochSecond(seconds, Math.round((d - seconds) * 1e9));
        }
        if (plain instanceof String s) {
            return Instant.parse(s);
        }
        throw new IllegalArgumentException("expected an instant, got " + describe(plain));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        try {
            return Enum.valueOf((Class<? extends Enum>) type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not one of the values of " + type.getSimpleName() + ": " + name);
        }
    }

    private static String string(Object plain, Class<?> target) {
        if (!(plain instanceof String s)) {
            throw new IllegalArgumentException("expected a string for " + target.getSimpleName() + ", got "
                    + describe(plain));
        }
        return s;
    }

    private static Number number(Object plain, Class<?> target) {
        if (!(plain instanceof Number n)) {
            throw new IllegalArgumentException("expected a number for " + target.getSimpleName() + ", got "
                    + describe(plain));
        }
        return n;
    }

    private static List<?> array(Object plain, Class<?> target, int min, int max) {
        if (!(plain instanceof List<?> list) || list.size() < min || list.size() > max) {
            throw new IllegalArgumentException("expected " + target.getSimpleName() + " as an array of " + min
                    + (max > min ? " to " + max : "") + " numbers, got " + describe(plain));
        }
        return list;
    }

    private static int intAt(List<?> parts, int i) {
        return number(parts.get(i), int.class).intValue();
    }

    private static Object primitiveDefault(Class<?> c) {
        if (c == boolean.class) {
            return false;
        }
        if (c == double.class) {
            return 0.0;
        }
        if (c == float.class) {
            return 0.0f;
        }
        if (c == long.class) {
            return 0L;
        }
        if (c == short.class) {
            return (short) 0;
        }
        return 0;
    }

    private static String describe(Object plain) {
        return plain instanceof Map ? "an object" : plain instanceof List ? "an array"
                : plain instanceof String ? "a string" : String.valueOf(plain);
    }

    /** A record class's components, accessors and canonical constructor, found once per class. */
    private record RecordShape(Class<?> type, RecordComponent[] components, Constructor<?> constructor) {
        static RecordShape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                components[i].getAccessor().setAccessible(true);
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new RecordShape(type, components, constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
            }
        }

        Map<String, Object> toPlain(Record r) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent c : components) {
                Object value;
                try {
                    value = c.getAccessor().invoke(r);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + type.getSimpleName() + "." + c.getName(), e);
                }
                if (value != null) {
                    out.put(c.getName(), RecordJson.toPlain(value));
                }
            }
            return out;
        }

        Object fromPlain(Map<?, ?> map) {
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                try {
                    args[i] = RecordJson.fromPlain(map.get(components[i].getName()), components[i].getGenericType());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(components[i].getName() + ": " + e.getMessage(), e);
                }
            }
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                throw new IllegalArgumentException(type.getSimpleName() + ": " + cause.getMessage(), cause);
            } catch (InstantiationException | IllegalAccessException e) {
                throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
            }
        }
    }
}
