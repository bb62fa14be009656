package com.mplifecycle.domain.orderfile;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line (RFC 4180 quoting within the line: {@code "a,b"} and {@code ""}). */
public final class CsvLine {
    private CsvLine() {
    }

    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote");
        }
        fields.add(field.toString());
        return fields;
    }

    /** The header's column names, without a UTF-8 byte order mark and surrounding blanks. */
    public static List<String> header(String line) {
        String text = line.startsWith("\uFEFF") ? line.substring(1) : line;
        return split(text).stream().map(String::trim).toList();
    }
}
