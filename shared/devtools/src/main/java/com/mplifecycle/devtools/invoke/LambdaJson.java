package com.mplifecycle.devtools.invoke;

import java.lang.reflect.Type;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

/**
 * Picks the serializer the Java runtime would use for a type.
 *
 * <p>Classes of the events library go through {@link LambdaEventSerializers}, which adds the mixins that
 * make e.g. DynamoDB's {@code {"S": "x"}} attribute values and epoch-second dates readable. Everything else
 * goes through the runtime's own (shaded) Jackson, so annotations of the application's Jackson are ignored
 * locally exactly as they are in Lambda.
 */
final class LambdaJson {
    private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events.";

    private LambdaJson() {
    }

    @SuppressWarnings("unchecked")
    static PojoSerializer<Object> serializerFor(Type type, ClassLoader loader) {
        if (type instanceof Class) {
            Class<Object> candidate = (Class<Object>) type;
            if (candidate.getName().startsWith(EVENTS_PACKAGE)
                    || LambdaEventSerializers.isLambdaSupportedEvent(candidate.getName())) {
                return LambdaEventSerializers.serializerFor(candidate, loader);
            }
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }
}
