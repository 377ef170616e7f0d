package dev.redline.runner.plot.single;

import dev.redline.runner.plot.data.ServerMetricSeries;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AIPerf's server-metric spec of a plot's y: {@code name}, {@code name[endpoint]}, {@code name{label=value,...}}
 * or both ({@code vllm:kv_cache_usage_perc[http://host:8081/metrics]{engine='0'}}; quotes optional).
 */
public record ServerMetricSelector(String name, String endpoint, Map<String, String> labels) {
    private static final Pattern SPEC = Pattern.compile("^([^\\[{]+)(?:\\[([^\\]]*)])?(?:\\{([^}]*)})?$");

    public static ServerMetricSelector parse(String spec) {
        String s = spec.trim();
        Matcher m = SPEC.matcher(s);
        if (!m.matches()) return new ServerMetricSelector(s, null, Map.of());
        Map<String, String> labels = new LinkedHashMap<>();
        if (m.group(3) != null) {
            for (String pair : m.group(3).split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) continue;
                labels.put(pair.substring(0, eq).trim(), unquote(pair.substring(eq + 1).trim()));
            }
        }
        String endpoint = m.group(2) == null || m.group(2).isBlank() ? null : m.group(2).trim();
        return new ServerMetricSelector(m.group(1).trim(), endpoint, labels);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("'") && v.endsWith("'") || v.startsWith("\"") && v.endsWith("\""))) return v.substring(1, v.length() - 1);
        return v;
    }

    /**
     * The series of the metric on the endpoint (default: the first one the file lists) whose labels include the
     * filter's (no filter: every series of that endpoint).
     */
    public List<ServerMetricSeries> select(List<ServerMetricSeries> all) {
        List<ServerMetricSeries> named = all.stream().filter(s -> s.name().equals(name)).toList();
        if (named.isEmpty()) return List.of();
        String ep = endpoint != null ? endpoint : named.get(0).endpoint();
        return named.stream().filter(s -> s.endpoint().equals(ep) || s.endpoint().startsWith(ep))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
    }
}
