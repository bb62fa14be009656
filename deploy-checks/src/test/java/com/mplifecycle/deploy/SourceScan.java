package com.mplifecycle.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which environment variables a function's code reads, from its sources: every main source file of the
 * function's module, plus the shared classes those files refer to (by import, by fully qualified name, or by
 * simple name within the same package), followed transitively. A variable counts when a
 * {@code FunctionEnv} constant is passed to {@code required}, {@code optional} or {@code integer}.
 */
final class SourceScan {
    static final List<String> SHARED_SOURCE_ROOTS = List.of("shared/domain/src/main/java", "shared/aws/src/main/java");

    private static final Pattern PROJECT_CLASS = Pattern.compile("\\bcom\\.mplifecycle(?:\\.[a-z]\\w*)+\\.([A-Z]\\w*)");
    private static final Pattern READ = Pattern.compile(
            "\\.(?:required|optional|integer)\\(\\s*FunctionEnv\\.([A-Z][A-Z0-9_]*)");

    private final Path repository;
    private final Map<String, Path> sharedByName = new HashMap<>();

    SourceScan(Path repository) {
        this.repository = repository;
        for (String root : SHARED_SOURCE_ROOTS) {
            Path base = repository.resolve(root);
            javaFiles(base).forEach(f -> sharedByName.put(className(base, f), f));
        }
    }

    /** Variables read by the code of the module at {@code moduleDir} (a function's CodeUri) and what it uses. */
    Set<String> variablesRead(String moduleDir) {
        Set<String> variables = new TreeSet<>();
        for (Path file : sourcesUsedBy(moduleDir)) {
            Matcher m = READ.matcher(read(file));
            while (m.find()) {
                variables.add(m.group(1));
            }
        }
        return variables;
    }

    /** The module's own main sources and every shared source they reach. */
    Set<Path> sourcesUsedBy(String moduleDir) {
        Set<Path> used = new HashSet<>();
        Deque<Path> pending = new ArrayDeque<>();
        javaFiles(repository.resolve(moduleDir).resolve("src/main/java")).forEach(pending::add);
        while (!pending.isEmpty()) {
            Path file = pending.pop();
            if (!used.add(file)) {
                continue;
            }
            String text = read(file);
            Matcher m = PROJECT_CLASS.matcher(text);
            while (m.find()) {
                Path target = sharedByName.get(m.group().replaceAll("\\s", ""));
                if (target != null) {
                    pending.add(target);
                }
            }
            String pkg = packageOf(text);
            sharedByName.forEach((name, target) -> {
                int dot = name.lastIndexOf('.');
                if (name.substring(0, dot).equals(pkg)
                        && Pattern.compile("\\b" + name.substring(dot + 1) + "\\b").matcher(text).find()) {
                    pending.add(target);
                }
            });
        }
        return used;
    }

    private static String packageOf(String source) {
        Matcher m = Pattern.compile("(?m)^package\\s+([\\w.]+);").matcher(source);
        return m.find() ? m.group(1) : "";
    }

    private static String className(Path base, Path file) {
        String relative = base.relativize(file).toString().replace(java.io.File.separatorChar, '.');
        return relative.substring(0, relative.length() - ".java".length());
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
