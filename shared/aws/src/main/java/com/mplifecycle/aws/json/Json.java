package com.mplifecycle.aws.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of the project, and databind's mapper for it. The functions' hot paths
 * do not load databind (about 300 ms of a cold start): typed documents (profiles, settings, RFM runs
 * and their fan-out parts, statistics) go through {@link RecordJson} and plain values (bodies, tokens,
 * log lines, event chunks, campaigns, dispatch data) through {@link PlainJson}, both on jackson-core
 * with these conventions and limits. {@link #MAPPER} stays for the settings route's field checks,
 * the local runtime, the bench and tests. Instants are epoch milliseconds; nulls are left
 * out to keep items small.
 */
public final class Json {
    /** Deeper JSON than this is rejected while parsing (hostile bodies), far above any real event. */
    public static final int MAX_NESTING = 32;
    /** Digits of one number, and characters of one string, at most (hostile bodies). */
    public static final int MAX_NUMBER_LENGTH = 64;
    public static final int MAX_STRING_LENGTH = 1_000_000;

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .build());
    }

    /** For API answers, where an absent value is spelled {@code null} rather than left out. */
    private static final ObjectMapper WITH_NULLS = MAPPER.copy()
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS,
                    JsonInclude.Include.ALWAYS));

    private Json() {
    }

    public static String writeWithNulls(Object value) {
        try {
            return WITH_NULLS.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable: " + value.getClass().getName(), e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable: " + value.getClass().getName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON for " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
