package com.mplifecycle.aws.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The functions call DynamoDB from up to 16 threads at once; the JDK keeps 5 idle connections per
 * endpoint unless told otherwise, so the calls beyond those opened a new connection each time (a TLS
 * handshake on AWS). Run in a fresh JVM: the JDK reads its limit once, at its first idle connection.
 */
class KeepAliveConnectionsTest {
    static final int THREADS = 16;
    static final int ROUNDS = 6;

    @Test
    void concurrentCalls_reuseTheirConnections() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName())
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            r.lines().forEach(output::add);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String last = output.isEmpty() ? "" : output.get(output.size() - 1);
        assertTrue(last.startsWith("connections "), String.join("\n", output));
        int connections = Integer.parseInt(last.substring("connections ".length()));
        // one per thread at most; with the JDK's default, 11 threads reconnect every round (about 70)
        assertTrue(connections <= THREADS, "connections opened for " + THREADS * ROUNDS + " calls: " + connections);
        assertEquals(0, p.exitValue());
    }

    /** Runs in the forked JVM: a DynamoDB endpoint on a plain socket that counts the connections it accepts. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            AtomicInteger accepted = new AtomicInteger();
            try (ServerSocket server = new ServerSocket(0)) {
                Thread acceptor = new Thread(() -> serve(server, accepted));
                acceptor.setDaemon(true);
                acceptor.start();
                DynamoDbClient db = new AwsClients(new FunctionEnv(Map.of("AWS_REGION", "us-east-1",
                        "AWS_ACCESS_KEY_ID", "k", "AWS_SECRET_ACCESS_KEY", "s",
                        "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + server.getLocalPort()),
                        Clock.systemUTC())).dynamoDb();
                ExecutorService pool = Executors.newFixedThreadPool(THREADS);
                for (int round = 0; round < ROUNDS; round++) {
                    CountDownLatch together = new CountDownLatch(THREADS);
                    List<Future<?>> calls = new ArrayList<>();
                    for (int t = 0; t < THREADS; t++) {
                        calls.add(pool.submit(() -> {
                            together.countDown();
                            together.await();
                            return db.describeLimits(b -> { });
                        }));
                    }
                    for (Future<?> f : calls) {
                        f.get();
                    }
                }
                pool.shutdownNow();
                System.out.println("connections " + accepted.get());
            }
        }

        private static void serve(ServerSocket server, AtomicInteger accepted) {
            while (true) {
                try {
                    Socket s = server.accept();
                    accepted.incrementAndGet();
                    Thread t = new Thread(() -> answer(s));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        /** Answers every request on the connection with an empty DescribeLimits result, keeping it open. */
        private static void answer(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                while (true) {
                    int length = 0;
                    String line;
                    while (!(line = readLine(in)).isEmpty()) {
                        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    in.readNBytes(length);
                    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: "
                            + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                }
            } catch (IOException | RuntimeException e) {
                // the client closed the connection
            }
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("closed");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }
    }
}
