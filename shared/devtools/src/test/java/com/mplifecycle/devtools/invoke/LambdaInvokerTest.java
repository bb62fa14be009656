package com.mplifecycle.devtools.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

class LambdaInvokerTest {
    private static LocalContext context() {
        return LocalContext.start("test-fn", "us-east-1", 512, Duration.ofSeconds(30));
    }

    @Test
    void invoke_streamHandler_passesBytesThrough() {
        RequestStreamHandler echo = (input, output, context) -> input.transferTo(output);

        String response = LambdaInvoker.of(echo).invoke("{\"a\":[1,2],\"s\":\"中文\"}", context());

        assertEquals("{\"a\":[1,2],\"s\":\"中文\"}", response);
    }

    @Test
    void invoke_handlerThrows_raisesFunctionErrorWithTypeAndMessage() {
        RequestStreamHandler failing = (input, output, context) -> {
            throw new IllegalStateException("merchant m1 unknown");
        };

        FunctionError error = assertThrows(FunctionError.class,
                () -> LambdaInvoker.of(failing).invoke("{}", context()));

        assertEquals("java.lang.IllegalStateException", error.errorType());
        assertEquals("merchant m1 unknown", error.errorMessage());
        assertInstanceOf(IllegalStateException.class, error.getCause());
        assertEquals("merchant m1 unknown", error.errorDocument().get("errorMessage"));
    }
}
