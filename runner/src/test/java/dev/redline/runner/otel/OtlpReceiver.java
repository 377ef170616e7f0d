package dev.redline.runner.otel;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal OTLP/HTTP metrics collector for tests, on loopback: decodes each POST to /v1/metrics as the protobuf
 * ExportMetricsServiceRequest (the official proto classes) and answers 200 with an empty response, as a collector does.
 */
final class OtlpReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<ExportMetricsServiceRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/metrics", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
                requests.add(ExportMetricsServiceRequest.parseFrom(in.readAllBytes()));
                byte[] body = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** host:port, as a user gives --otel-url. */
    String address() { return "127.0.0.1:" + server.getAddress().getPort(); }

    List<ExportMetricsServiceRequest> requests() { return List.copyOf(requests); }

    List<String> contentTypes() { return List.copyOf(contentTypes); }

    /** The last export's metrics by name (cumulative: the last one holds the run's totals). */
    Map<String, Metric> lastMetrics() {
        Map<String, Metric> out = new LinkedHashMap<>();
        ExportMetricsServiceRequest last = requests.get(requests.size() - 1);
        for (ResourceMetrics rm : last.getResourceMetricsList()) {
            for (ScopeMetrics sm : rm.getScopeMetricsList()) {
                for (Metric m : sm.getMetricsList()) out.put(m.getName(), m);
            }
        }
        return out;
    }

    /** The resource attributes of the last export, as strings. */
    Map<String, String> lastResource() {
        ExportMetricsServiceRequest last = requests.get(requests.size() - 1);
        return strings(last.getResourceMetrics(0).getResource().getAttributesList());
    }

    static Map<String, String> strings(List<KeyValue> attrs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (KeyValue kv : attrs) {
            var v = kv.getValue();
            out.put(kv.getKey(), switch (v.getValueCase()) {
                case STRING_VALUE -> v.getStringValue();
                case BOOL_VALUE -> String.valueOf(v.getBoolValue());
                case INT_VALUE -> String.valueOf(v.getIntValue());
                case DOUBLE_VALUE -> String.valueOf(v.getDoubleValue());
                default -> v.toString();
            });
        }
        return out;
    }

    static List<Map<String, String>> pointAttributes(Metric m) {
        List<Map<String, String>> out = new ArrayList<>();
        switch (m.getDataCase()) {
            case HISTOGRAM -> m.getHistogram().getDataPointsList().forEach(p -> out.add(strings(p.getAttributesList())));
            case SUM -> m.getSum().getDataPointsList().forEach(p -> out.add(strings(p.getAttributesList())));
            default -> { }
        }
        return out;
    }

    @Override
    public void close() { server.stop(0); }
}
