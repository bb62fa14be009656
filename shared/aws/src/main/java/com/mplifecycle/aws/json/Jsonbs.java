package com.mplifecycle.aws.json;

import io.avaje.jsonb.Jsonb;

/**
 * The two avaje-jsonb instances of the project, with its conventions ({@link JsonAdapters}): one
 * leaves nulls out (stored documents, events, log lines: smaller items), one spells them
 * {@code null} (API answers). Unknown names are ignored when reading; a missing primitive reads as 0.
 *
 * <p>Why avaje-jsonb: its adapters are generated at compile time, so a cold start neither reflects over
 * records nor builds serializers (what databind's ~500 classes and introspection cost, and why the
 * project once kept its own JSON code); jackson-jr introspects at run time and reads neither sorted
 * nor enum-keyed maps; databind with SnapStart priming helps only where SnapStart runs.
 */
public final class Jsonbs {
    /** Nulls left out. */
    public static final Jsonb JSONB = JsonAdapters.register(Jsonb.builder().serializeNulls(false)).build();
    // (JsonAdapters.register also points service loading at this jar's loader, which holds the generated adapters)
    private Jsonbs() {
    }

    /** Nulls written as {@code null}; built on first use (only the HTTP functions answer with it). */
    public static Jsonb withNulls() {
        return WithNulls.JSONB;
    }

    private static final class WithNulls {
        static final Jsonb JSONB = JsonAdapters.register(Jsonb.builder().serializeNulls(true)).build();
    }
}
