package com.mplifecycle.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.mplifecycle.devtools.template.FunctionDefinition;

/**
 * {@code sam build} can build every function: each one uses {@code BuildMethod: makefile} with a Makefile in its
 * CodeUri that has the {@code build-<LogicalId>} target SAM calls, and that target, run the way SAM's
 * make workflow runs it (from a scratch copy of the CodeUri folder, {@code --makefile} naming the original,
 * {@code ARTIFACTS_DIR} set), builds the module through the root reactor. The real build (it runs Maven)
 * is {@link SamBuildRun}, run on demand.
 */
class SamBuildReadinessTest {
    static List<FunctionDefinition> functions() {
        return TemplateFunctions.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void codeUri_ofEachFunction_isModuleOfRootReactor(FunctionDefinition function) throws IOException {
        Path module = TemplateFunctions.REPOSITORY.resolve(function.codeUri());
        String rootPom = Files.readString(TemplateFunctions.REPOSITORY.resolve("pom.xml"));

        assertTrue(Files.isRegularFile(module.resolve("pom.xml")), module + " has a pom.xml");
        assertTrue(rootPom.contains("<module>" + function.codeUri() + "</module>"),
                function.codeUri() + " is a module of the root pom");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void buildMethod_ofEachFunction_isMakefileWithItsTarget(FunctionDefinition function) throws IOException {
        Path makefile = TemplateFunctions.REPOSITORY.resolve(function.codeUri()).resolve("Makefile");

        assertEquals("makefile", buildMethod(function));
        assertTrue(Files.isRegularFile(makefile), makefile + " exists");
        assertTrue(Pattern.compile("(?m)^build-" + function.logicalId() + ":").matcher(Files.readString(makefile))
                .find(), makefile + " has the target build-" + function.logicalId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void makeTarget_runFromScratchCopy_buildsModuleWithRootReactor(FunctionDefinition function,
                                                                    @TempDir Path temp) throws Exception {
        Assumptions.assumeTrue(onPath("make"), "make is not installed");
        Path scratch = copyOfCodeUri(function, temp.resolve("scratch"));

        Run dryRun = make(function, scratch, temp.resolve("artifacts"), "-n");

        assertEquals(0, dryRun.exitCode(), dryRun.output());
        String root = TemplateFunctions.REPOSITORY.toString();
        assertTrue(dryRun.output().contains("-f \"" + root + "/pom.xml\" -pl " + function.codeUri() + " -am"),
                dryRun.output());
        assertTrue(dryRun.output().contains(temp.resolve("artifacts").resolve("lib").toString()), dryRun.output());
    }

    @SuppressWarnings("unchecked")
    private static String buildMethod(FunctionDefinition function) {
        Map<String, Object> metadata = (Map<String, Object>) TemplateFunctions.resource(function.logicalId())
                .getOrDefault("Metadata", Map.of());
        return String.valueOf(metadata.get("BuildMethod"));
    }

    /** SAM copies the CodeUri folder (less .aws-sam and .git) to a scratch folder and runs make there. */
    static Path copyOfCodeUri(FunctionDefinition function, Path scratch) throws IOException {
        Path source = TemplateFunctions.REPOSITORY.resolve(function.codeUri());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files.filter(f -> !source.relativize(f).startsWith("target"))::iterator) {
                Path copy = scratch.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return scratch;
    }

    static Run make(FunctionDefinition function, Path scratch, Path artifacts, String... flags)
            throws Exception {
        Path makefile = TemplateFunctions.REPOSITORY.resolve(function.codeUri()).resolve("Makefile");
        List<String> command = new ArrayList<>(List.of("make"));
        command.addAll(List.of(flags));
        command.addAll(List.of("--makefile", makefile.toString(), "build-" + function.logicalId()));
        ProcessBuilder process = new ProcessBuilder(command).directory(scratch.toFile()).redirectErrorStream(true);
        process.environment().put("ARTIFACTS_DIR", artifacts.toString());
        Process p = process.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "make finished");
        return new Run(p.exitValue(), output);
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    record Run(int exitCode, String output) {
    }
}
