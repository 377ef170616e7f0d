package dev.redline.runner.plot.single;

import dev.redline.api.v1alpha1.PlotNames;
import dev.redline.runner.plot.chart.Axis;
import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.chart.PlotBuilder;
import dev.redline.runner.plot.chart.Point;
import dev.redline.runner.plot.chart.Series;
import dev.redline.runner.plot.chart.SeriesStyle;
import dev.redline.runner.plot.data.RequestPoint;
import dev.redline.runner.plot.data.SingleRunData;

import java.util.ArrayList;
import java.util.List;

/**
 * Output token throughput over time with each request's tokens spread evenly over its decode
 * (AIPerf's "dispersed" throughput): a request adds output_tokens / (end - first token) tokens/s from its
 * first token to its end and nothing during prefill, so the curve shows the rate the server sustained.
 */
public final class DispersedThroughput implements PlotBuilder<SingleRunData> {
    private final String name;
    private final String title;

    public DispersedThroughput() {
        this(PlotNames.DISPERSED_THROUGHPUT_OVER_TIME, "Dispersed output token throughput over time");
    }

    /** A config's area preset of this throughput under its own name and title. */
    public DispersedThroughput(String name, String title) {
        this.name = name;
        this.title = title;
    }

    @Override
    public String name() { return name; }

    @Override
    public List<Chart> build(SingleRunData data) {
        List<Step> steps = steps(data);
        if (steps.isEmpty()) return List.of();
        List<Point> points = new ArrayList<>(steps.size());
        for (Step s : steps) points.add(Point.of(s.seconds(), s.tokensPerSecond()));
        return List.of(new Chart(name(), name(), title, Axis.linear("Time since start (s)"),
                Axis.linear("Output tokens/s"), List.of(Series.of("output tokens/s", SeriesStyle.STEP, points)), List.of(), "avg"));
    }

    /** The throughput and the requests generating from one change to the next (AIPerf's active_requests). */
    public record Step(double seconds, double tokensPerSecond, int activeRequests) { }

    /** Each point where a request starts or stops generating, in time order, with the totals from then on. */
    public static List<Step> steps(SingleRunData data) {
        List<double[]> events = new ArrayList<>(); // {time s, rate change, active change}
        for (RequestPoint r : data.requests()) {
            if (r.failed() || !(r.outputTokens() > 0)) continue;
            double ttftNs = Double.isFinite(r.ttftMs()) && r.ttftMs() > 0 ? r.ttftMs() * 1e6 : 0;
            long generationStart = r.startNs() + (long) ttftNs;
            long duration = r.endNs() - generationStart;
            if (duration <= 0) continue;
            double rate = r.outputTokens() / (duration / 1e9);
            events.add(new double[]{data.seconds(generationStart), rate, 1});
            events.add(new double[]{data.seconds(r.endNs()), -rate, -1});
        }
        events.sort((a, b) -> Double.compare(a[0], b[0]));
        List<Step> out = new ArrayList<>(events.size());
        double total = 0;
        int active = 0;
        for (double[] e : events) {
            total += e[1];
            active += (int) e[2];
            out.add(new Step(e[0], Math.max(0, total), active)); // clamp float residue at the end to 0
        }
        return out;
    }
}
