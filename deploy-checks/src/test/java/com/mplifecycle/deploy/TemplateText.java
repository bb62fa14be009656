package com.mplifecycle.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mplifecycle.devtools.template.SamTemplate;

/** The repository's template.yaml as text, and deliberately broken copies of it. */
final class TemplateText {
    private TemplateText() {
    }

    static Path path() {
        return SamTemplate.locate();
    }

    static String read() {
        try {
            return Files.readString(path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template with {@code from} (which must occur exactly once) replaced by {@code to}. */
    static SamTemplate with(String from, String to) {
        String text = read();
        int first = text.indexOf(from);
        assertEquals(first, text.lastIndexOf(from), () -> "not exactly one '" + from + "' in template.yaml");
        if (first < 0) {
            throw new AssertionError("'" + from + "' is not in template.yaml");
        }
        return SamTemplate.parse(text.replace(from, to));
    }
}
