package com.mplifecycle.local.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code /console/...}: the built operators' console ({@code console/dist}) with the headers the
 * cloud's CloudFront distribution sends (a Content Security Policy without inline scripts, no
 * framing, no sniffing, no referrer). Its {@code config.json} is answered here with an empty API URL,
 * so the console calls this same origin. Without a build it says how to make one.
 */
public final class ConsoleFiles implements HttpHandler {
    /** As template.yaml's response headers policy, with the API on the same origin. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "json", "application/json",
            "png", "image/png", "svg", "image/svg+xml", "ico", "image/x-icon", "woff2", "font/woff2");
    static final String NOT_BUILT = "The console is not built. Build it with Node.js 18+ and npm:\n"
            + "  (cd console && npm ci && npm run build)\nthen reload this page (./run-local builds it itself when npm is installed).\n";

    private final Path root;

    public ConsoleFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The build directory: {@code console/dist} below the working directory or its parent (module tests). */
    public static Path locate() {
        Path here = Path.of("console", "dist");
        Path parent = Path.of("..", "console", "dist");
        return Files.isDirectory(here) || !Files.isDirectory(parent) ? here : parent;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "GET only\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals("/console")) {
                exchange.getResponseHeaders().set("location", "/console/");
                exchange.sendResponseHeaders(301, -1);
                return;
            }
            String relative = path.substring("/console/".length());
            if (relative.isEmpty()) {
                relative = "index.html";
            }
            if (relative.equals("config.json")) {
                send(exchange, 200, TYPES.get("json"), "{\"apiUrl\":\"\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!Files.isRegularFile(root.resolve("index.html"))) {
                send(exchange, 503, "text/plain; charset=utf-8", NOT_BUILT.getBytes(StandardCharsets.UTF_8));
                return;
            }
            Optional<Path> file = file(relative);
            if (file.isEmpty()) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String name = file.get().getFileName().toString();
            String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
            // Hashed asset names never change content; index.html must be re-read to find new ones.
            exchange.getResponseHeaders().set("cache-control", relative.startsWith("assets/")
                    ? "public, max-age=31536000, immutable" : "no-cache");
            send(exchange, 200, type, Files.readAllBytes(file.get()));
        }
    }

    /** A file below the root; nothing outside it (no "..", no absolute paths). */
    Optional<Path> file(String relative) {
        Path p = root.resolve(relative).normalize();
        return p.startsWith(root) && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("content-type", type);
        headers.set("content-security-policy", CSP);
        headers.set("x-content-type-options", "nosniff");
        headers.set("x-frame-options", "DENY");
        headers.set("referrer-policy", "no-referrer");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            exchange.getResponseBody().write(body);
        }
    }
}
