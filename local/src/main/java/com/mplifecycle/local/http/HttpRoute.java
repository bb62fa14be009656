package com.mplifecycle.local.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One HTTP API route ({@code POST /v1/apps/{appId}/stats}) and the function it invokes. */
public record HttpRoute(String method, String path, String functionLogicalId) {
    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z0-9_]+)(\\+?)}");

    public String routeKey() {
        return method + " " + path;
    }

    /** Path parameters when {@code method} and {@code requestPath} match this route. */
    public Optional<Map<String, String>> match(String requestMethod, String requestPath) {
        if (!method.equalsIgnoreCase(requestMethod) && !method.equalsIgnoreCase("ANY")) {
            return Optional.empty();
        }
        Matcher m = PARAM.matcher(path);
        StringBuilder regex = new StringBuilder("^");
        int last = 0;
        java.util.List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            regex.append(Pattern.quote(path.substring(last, m.start())));
            regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(path.substring(last))).append('$');
        Matcher r = Pattern.compile(regex.toString()).matcher(requestPath);
        if (!r.matches()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            params.put(names.get(i), java.net.URLDecoder.decode(r.group(i + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return Optional.of(params);
    }
}
