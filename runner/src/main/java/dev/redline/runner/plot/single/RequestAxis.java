package dev.redline.runner.plot.single;

import dev.redline.runner.plot.chart.Point;
import dev.redline.runner.plot.data.RequestPoint;
import dev.redline.runner.plot.data.SingleRunData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The x of a per-request preset plot, as AIPerf computes it: {@code timestamp} is each request's end in seconds
 * since the first request ended, {@code request_number} its position among the profiling requests; and
 * {@code timestamp_s} (AIPerf's time axis of its throughput and GPU series, which its records lack) the request's
 * end on the run's time axis, seconds since the first request was sent.
 */
public final class RequestAxis {
    public static final String TIMESTAMP = "timestamp";
    public static final String TIMESTAMP_S = "timestamp_s";
    public static final String REQUEST_NUMBER = "request_number";
    public static final Set<String> NAMES = Set.of(TIMESTAMP, TIMESTAMP_S, REQUEST_NUMBER);

    private RequestAxis() { }

    /** x of each request of {@code data.requests()}, in their order. */
    public static double[] values(String axis, SingleRunData data) {
        List<RequestPoint> requests = data.requests();
        double[] x = new double[requests.size()];
        if (axis.equals(REQUEST_NUMBER)) {
            for (int i = 0; i < x.length; i++) x[i] = i;
            return x;
        }
        if (axis.equals(TIMESTAMP_S)) {
            for (int i = 0; i < x.length; i++) x[i] = data.seconds(requests.get(i).endNs());
            return x;
        }
        long firstEnd = requests.stream().mapToLong(RequestPoint::endNs).min().orElse(0);
        for (int i = 0; i < x.length; i++) x[i] = (requests.get(i).endNs() - firstEnd) / 1e9;
        return x;
    }

    /** (x, metric) of each request that has the metric (failed requests have none), in x order as AIPerf sorts them. */
    public static List<Point> points(String axis, String metric, SingleRunData data) {
        double[] x = values(axis, data);
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            RequestPoint r = data.requests().get(i);
            double y = r.metric(metric);
            if (!r.failed() && Double.isFinite(y)) out.add(Point.of(x[i], y));
        }
        out.sort(Comparator.comparingDouble(Point::x));
        return out;
    }
}
