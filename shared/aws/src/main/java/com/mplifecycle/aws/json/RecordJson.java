package com.mplifecycle.aws.json;

/**
 * Typed documents (records: profiles, settings, RFM runs and their fan-out parts, statistics) ↔
 * JSON through the adapters avaje-jsonb generated for them at compile time ({@code @Json.Import} in
 * this package's {@code package-info}, {@code @Json} or imports in the functions that own a record).
 * Components by name, nulls left out, unknown names ignored, formats of {@link JsonAdapters}: what
 * databind wrote before reads back the same ({@code RecordJsonTest}).
 */
public final class RecordJson {
    private RecordJson() {
    }

    /** The document's JSON, nulls left out. */
    public static String write(Record document) {
        return Jsonbs.JSONB.toJson(document);
    }

    /**
     * The document of a JSON text.
     *
     * @throws IllegalArgumentException when the text is not JSON or does not make a valid {@code type}
     */
    public static <T extends Record> T read(String json, Class<T> type) {
        try {
            return Jsonbs.JSONB.type(type).fromJson(json);
        } catch (RuntimeException e) {
            // the parser's errors, a record's own checks, and what the parser throws on some truncated input
            throw new IllegalArgumentException("invalid JSON for " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The document of a plain value already read (the detail of an event that {@code JsonObjectCall}
     * handed over).
     *
     * @throws IllegalArgumentException when the value does not make a valid {@code type}
     */
    public static <T extends Record> T convert(Object plain, Class<T> type) {
        try {
            return Jsonbs.JSONB.type(type).fromJson(Jsonbs.JSONB.toJson(plain));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
