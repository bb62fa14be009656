package com.mplifecycle.local.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

/**
 * SLF4J 1.7 (what the SDK and DynamoDB Local log through) prints a three-line warning to stderr at
 * start unless a binding is on the class path. The runtime's class path must carry one.
 */
class LoggingBindingTest {
    @Test
    void runtimeClassPath_bindsSlf4j() {
        assertDoesNotThrow(() -> Class.forName("org.slf4j.impl.StaticLoggerBinder"));
    }
}
