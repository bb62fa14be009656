package com.mplifecycle.bench.coldstart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

/**
 * Cold start probe, run in a fresh JVM: {@code Launcher <handlerClass> <event.json> <env.properties>}
 * with the launcher, Lambda's serialization library and ONE deployable jar on the class path.
 * Builds the handler through its {@code (FunctionEnv)} constructor (or its no-argument one),
 * turns the event JSON into the handler's input type as the Java runtime does (a stream handler
 * gets the bytes), invokes it once, serializes the answer and prints {@code HANDLED} - the parent
 * times spawn to that line.
 * Only JDK, serialization-library and reflective calls: nothing of ours is linked in.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Class<?> type = Class.forName(args[0]);
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        Properties props = new Properties();
        try (InputStream in = new FileInputStream(args[2])) {
            props.load(in);
        }
        Map<String, String> env = new HashMap<>();
        props.forEach((k, v) -> env.put((String) k, (String) v));
        Object handler = construct(type, env);
        long t1 = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Method stream = streamHandleRequest(type);
        if (stream != null) {
            // a stream handler: the runtime hands it the event's bytes, no serialization library involved
            stream.invoke(handler, new ByteArrayInputStream(event), out, null);
        } else {
            Type inputType = inputType(type);
            PojoSerializer<Object> in = serializer(inputType, type.getClassLoader());
            Object input = in.fromJson(new ByteArrayInputStream(event));
            Method handle = null;
            for (Method m : type.getMethods()) {
                if (m.getName().equals("handleRequest") && m.getParameterCount() == 2 && !m.isBridge()) {
                    handle = m;
                }
            }
            Object result = handle.invoke(handler, input, null);
            if (result != null) {
                serializer(result.getClass(), type.getClassLoader()).toJson(result, out);
            }
        }
        long t2 = System.nanoTime();
        System.out.println("HANDLED " + out.size() + " " + cpuMillis());
        System.out.flush();
        // after the timed line: where the time went, and how many classes it took
        System.out.println("PHASES " + (t1 - t0) / 1_000_000.0 + " " + (t2 - t1) / 1_000_000.0 + " "
                + java.lang.management.ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
        System.out.flush();
        System.exit(0);
    }

    /**
     * CPU time of this process so far (all threads: JIT and GC included), from {@code /proc/self/stat}
     * (no management classes to load); -1 elsewhere. Steadier than wall time on a shared machine.
     */
    private static long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / 100; // utime, stime in ticks of 1/100 s
        } catch (Exception e) {
            return -1;
        }
    }

    private static Object construct(Class<?> type, Map<String, String> env) throws Exception {
        try {
            Class<?> functionEnv = Class.forName("com.mplifecycle.aws.config.FunctionEnv");
            Object fe = functionEnv.getConstructor(Map.class, Clock.class).newInstance(env, Clock.systemUTC());
            Constructor<?> c = type.getConstructor(functionEnv);
            return c.newInstance(fe);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return type.getConstructor().newInstance();
        }
    }

    /** handleRequest(InputStream, OutputStream, Context) when the class is a RequestStreamHandler, else null. */
    private static Method streamHandleRequest(Class<?> type) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals("handleRequest") && m.getParameterCount() == 3
                    && m.getParameterTypes()[0] == InputStream.class) {
                return m;
            }
        }
        return null;
    }

    private static Type inputType(Class<?> type) {
        for (Type t : type.getGenericInterfaces()) {
            if (t instanceof ParameterizedType p
                    && ((Class<?>) p.getRawType()).getName().equals("com.amazonaws.services.lambda.runtime.RequestHandler")) {
                return p.getActualTypeArguments()[0];
            }
        }
        return Object.class;
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Type type, ClassLoader loader) {
        if (type instanceof Class<?> c && (c.getName().startsWith("com.amazonaws.services.lambda.runtime.events.")
                || LambdaEventSerializers.isLambdaSupportedEvent(c.getName()))) {
            return LambdaEventSerializers.serializerFor((Class<Object>) c, loader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }
}
