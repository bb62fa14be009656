package com.mplifecycle.aws.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.mplifecycle.aws.IsolatedClassPath;

/** PlainJson (avaje-jsonb) against databind, which wrote the items and events stored so far: same values read, same text written. */
class PlainJsonTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\":1,\"b\":[1,2147483648,-2147483648,12345678901234567890123,-0,1.0,0.1,1e400,-1.5e-3],\"c\":null}",
        "{\"s\":\"é\\u2028\\u0000 \\\"q\\\"\",\"t\":true,\"f\":false,\"n\":{\"m\":{\"k\":[]}},\"e\":{}}",
        "{\"dup\":1,\"x\":2,\"dup\":3}",
        "[{\"i\":\"e1\",\"t\":\"page_view\",\"ts\":1767225600000,\"p\":{\"page\":\"/home\"}}]",
        "\"just a string\"", "42", "null", "  [ ]  "})
    void read_givesWhatDatabindTreeConversionGave(String json) {
        JsonNode tree = assertDoesNotThrowGet(json);
        Object expected = tree.isMissingNode() ? null : Json.MAPPER.convertValue(tree, Object.class);

        Object actual = PlainJson.read(json);

        assertEquals(typed(expected), typed(actual));
        assertEquals(typed(expected), typed(PlainJson.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    @Test
    void read_blankText_isNull() {
        assertNull(PlainJson.read("   "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":1} x", "{\"a\":1}{}", "[1,]", "{'a':1}", "nul",
        "{\"n\":12345678901234567890123456789012345678901234567890123456789012345}"})
    void read_invalidOrTrailingOrTooLong_isRejectedAsByTheMapper(String json) {
        assertThrows(Exception.class, () -> Json.MAPPER.readTree(json));

        assertThrows(IllegalArgumentException.class, () -> PlainJson.read(json));
    }

    /** Hostile bodies are often cut short: every prefix of a document is refused as invalid, never anything else. */
    @Test
    void read_everyTruncationOfADocument_isRejectedAsInvalid() {
        String json = "{\"events\":[{\"eventId\":\"ok944-1\",\"type\":\"page_view\",\"ts\":1796430316915,"
                + "\"props\":{\"path\":\"pages/p1\",\"n\":[1,2.5,null,true]}}]}";
        for (int n = 1; n < json.length(); n++) {
            String cut = json.substring(0, n);
            if (!cut.isBlank()) {
                assertThrows(IllegalArgumentException.class, () -> PlainJson.read(cut), cut);
            }
        }
    }

    @Test
    void read_deeperThanTheLimit_isRejected() {
        String deep = "[".repeat(Json.MAX_NESTING + 1) + "]".repeat(Json.MAX_NESTING + 1);
        String deepest = "[".repeat(Json.MAX_NESTING) + "]".repeat(Json.MAX_NESTING);

        assertThrows(IllegalArgumentException.class, () -> PlainJson.read(deep));
        assertEquals(typed(Json.MAPPER.convertValue(assertDoesNotThrowGet(deepest), Object.class)),
                typed(PlainJson.read(deepest)));
    }

    @Test
    void write_plainValues_areWrittenAsTheMapperWroteThem() {
        Map<String, Object> value = plainSample();

        assertEquals(Json.write(value), PlainJson.write(value));
        assertEquals(Json.writeWithNulls(value), PlainJson.writeWithNulls(value));
    }

    @Test
    void write_instantsAndDocuments_asTheMapperWroteThem() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("at", Instant.ofEpochMilli(1767225600123L));
        value.put("record", new Sample("x", null));

        assertEquals(Json.write(value), PlainJson.write(value));
        assertEquals(Json.writeWithNulls(value), PlainJson.writeWithNulls(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "-7", "3000000000", "12345678901234567890123", "2.9", "-2.9", "1e400", "true",
        "false", "null", "\"12\"", "\" 34 \"", "\"+5\"", "\"-6\"", "\"7.8\"", "\"3000000000\"", "\"abc\"", "\"\"",
        "{}", "[]", "{\"a\":1}"})
    void asTextLongInt_matchTheTreeAccessors(String json) {
        JsonNode node = assertDoesNotThrowGet("{\"v\":" + json + "}").path("v");
        Object value = ((Map<?, ?>) PlainJson.read("{\"v\":" + json + "}")).get("v");

        assertEquals(node.asText("fallback"), PlainJson.asText(value, "fallback"), "asText");
        assertEquals(node.asLong(-99), PlainJson.asLong(value, -99), "asLong");
        assertEquals(node.asInt(-99), PlainJson.asInt(value, -99), "asInt");
    }

    @Test
    void asTextLongInt_missingMember_isTheFallback() {
        JsonNode missing = assertDoesNotThrowGet("{}").path("v");

        assertEquals(missing.asText("fallback"), PlainJson.asText(null, "fallback"));
        assertEquals(missing.asLong(-99), PlainJson.asLong(null, -99));
        assertEquals(missing.asInt(-99), PlainJson.asInt(null, -99));
    }

    /** Reading and writing plain values loads neither Jackson databind nor jackson-core (cold start). */
    @Test
    void readAndWrite_doNotLoadDatabind() throws Exception {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        try (IsolatedClassPath loader = new IsolatedClassPath()) {
            // as in a Lambda JVM, where the function's jar is the context class loader too
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> plain = loader.loadClass(PlainJson.class.getName());

            Object value = plain.getMethod("read", String.class).invoke(null, "{\"a\":[1,\"b\",null,2.5]}");
            plain.getMethod("write", Object.class).invoke(null, value);
            plain.getMethod("writeWithNulls", Object.class).invoke(null, value);

            assertTrue(loader.hasLoaded("io.avaje.jsonb.Jsonb"));
            assertFalse(loader.hasLoaded("com.fasterxml.jackson.core.JsonFactory"));
            assertFalse(loader.hasLoaded("com.fasterxml.jackson.databind.ObjectMapper"));
            assertFalse(loader.hasLoaded(Json.class.getName()));
        } finally {
            Thread.currentThread().setContextClassLoader(context);
        }
    }

    @io.avaje.jsonb.Json
    record Sample(String name, String missing) {
    }

    private static Map<String, Object> plainSample() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("n", null);
        inner.put("list", Arrays.asList(1, null, "x"));
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("a", null);
        value.put("i", 1);
        value.put("l", 3_000_000_000L);
        value.put("d", List.of(1.5, 1e20, 0.1, -0.0, Double.NaN, Double.POSITIVE_INFINITY));
        value.put("f", 0.1f);
        value.put("big", new BigInteger("12345678901234567890123"));
        value.put("dec", new BigDecimal("1.000"));
        value.put("s", "é\u2028\u0001\"</\\");
        value.put("b", true);
        value.put("inner", inner);
        value.put("empty", Map.of());
        return value;
    }

    private static JsonNode assertDoesNotThrowGet(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("the mapper refused " + json, e);
        }
    }

    /** Values with their classes spelled out, so that Integer 1 and Long 1 differ. */
    private static Object typed(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, typed(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(typed(v)));
            return out;
        }
        return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
    }
}
