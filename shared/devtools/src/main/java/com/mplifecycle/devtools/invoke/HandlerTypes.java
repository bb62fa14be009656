package com.mplifecycle.devtools.invoke;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * The concrete {@code I} and {@code O} of a handler class's {@code RequestHandler<I, O>}, found the way the
 * Java runtime finds them: through interfaces and superclasses, resolving type variables on the way.
 */
record HandlerTypes(Type input, Type output) {
    private static final HandlerTypes UNKNOWN = new HandlerTypes(Object.class, Object.class);

    /** Object for both when the class has no concrete type arguments (a lambda, a raw type). */
    static HandlerTypes of(Class<?> handlerClass) {
        return find(handlerClass, Map.of()).orElse(UNKNOWN);
    }

    private static Optional<HandlerTypes> find(Type type, Map<TypeVariable<?>, Type> outer) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        if (type instanceof ParameterizedType) {
            ParameterizedType parameterized = (ParameterizedType) type;
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                bindings.put(variables[i], resolve(arguments[i], outer));
            }
            if (raw == RequestHandler.class) {
                return Optional.of(new HandlerTypes(bindings.get(variables[0]), bindings.get(variables[1])));
            }
        } else if (type instanceof Class) {
            raw = (Class<?>) type;
        } else {
            return Optional.empty();
        }
        for (Type implemented : raw.getGenericInterfaces()) {
            Optional<HandlerTypes> found = find(implemented, bindings);
            if (found.isPresent()) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? Optional.empty() : find(superclass, bindings);
    }

    private static Type resolve(Type argument, Map<TypeVariable<?>, Type> bindings) {
        if (!(argument instanceof TypeVariable)) {
            return argument;
        }
        Type bound = bindings.get(argument);
        if (bound != null) {
            return bound;
        }
        // An unbound variable: its first bound is the best the runtime can do, too.
        Type[] bounds = ((TypeVariable<?>) argument).getBounds();
        return bounds.length == 0 ? Object.class : bounds[0];
    }
}
