package dev.redline.runner.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.runner.record.RequestRecord;

import java.util.List;
import java.util.Locale;

/**
 * Requests and errors of the profiling phases per server URL when requests are spread over several
 * (--url given more than once): a replica that fails shows up here, not only in the overall error rate.
 * Fed on the record thread. In a multi-runner run each runner counts the requests it sent.
 */
final class UrlCounts {
    private final List<String> urls;
    private final long[] requests;
    private final long[] errors;

    UrlCounts(List<String> urls) {
        this.urls = List.copyOf(urls);
        this.requests = new long[urls.size()];
        this.errors = new long[urls.size()];
    }

    boolean several() {
        return urls.size() > 1;
    }

    void add(RequestRecord r) {
        if (r.phase() != RequestRecord.Phase.PROFILING) return;
        int i = Math.max(0, Math.min(urls.size() - 1, r.urlIndex()));
        requests[i]++;
        if (r.isError()) errors[i]++;
    }

    /** {@code [{"url", "requests", "errors", "error_rate"}]} (error_rate in percent, as request_error_rate). */
    ArrayNode toJson() {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < urls.size(); i++) {
            ObjectNode n = out.addObject();
            n.put("url", urls.get(i));
            n.put("requests", requests[i]);
            n.put("errors", errors[i]);
            n.put("error_rate", requests[i] == 0 ? 0.0 : 100.0 * errors[i] / requests[i]);
        }
        return out;
    }

    /** One console line per URL. */
    String console() {
        StringBuilder sb = new StringBuilder("Requests per URL (round_robin):\n");
        for (int i = 0; i < urls.size(); i++) {
            sb.append(String.format(Locale.ROOT, "  %-40s %8d requests %6d errors (%.2f%%)%n", urls.get(i), requests[i], errors[i],
                    requests[i] == 0 ? 0.0 : 100.0 * errors[i] / requests[i]));
        }
        return sb.toString();
    }
}
