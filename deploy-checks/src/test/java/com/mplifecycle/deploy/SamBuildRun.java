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
 * Runs each function's {@code build-<LogicalId>} target for real, as {@code sam build} would, and checks
 * the artifact. It runs Maven once per function (about a minute), so it is not part of {@code ./test}:
 * {@code mvn -B -pl deploy-checks -am verify -Dtest=SamBuildRun -Ddeploy.samBuild=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SamBuildRun {
    static List<FunctionDefinition> functions() {
        return TemplateFunctions.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    @EnabledIfSystemProperty(named = "deploy.samBuild", matches = "true")
    void makeTarget_run_leavesJarWithHandlerAndSharedCodeInArtifacts(FunctionDefinition function,
                                                                       @TempDir Path temp) throws Exception {
        Path artifacts = temp.resolve("artifacts");

        SamBuildReadinessTest.Run build = SamBuildReadinessTest.make(function, SamBuildReadinessTest.copyOfCodeUri(function, temp.resolve("scratch")), artifacts);

        assertEquals(0, build.exitCode(), build.output());
        List<Path> jars;
        try (Stream<Path> files = Files.list(artifacts.resolve("lib"))) {
            jars = files.toList();
        }
        assertEquals(1, jars.size(), jars::toString);
        try (ZipFile jar = new ZipFile(jars.get(0).toFile())) {
            assertTrue(jar.getEntry(function.handlerClass().replace('.', '/') + ".class") != null);
            assertTrue(jar.getEntry("com/mplifecycle/aws/config/FunctionEnv.class") != null);
            assertTrue(jar.getEntry("com/mplifecycle/devtools/sandbox/LocalAws.class") == null,
                    "test-only devtools stay out of the function");
        }
    }

}
