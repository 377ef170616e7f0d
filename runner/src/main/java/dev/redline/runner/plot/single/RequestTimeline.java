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
 * A Gantt chart of the requests, one row each in send order: waiting for the first token (send to first
 * token), generating (first token to end), and failed requests over their whole span.
 */
public final class RequestTimeline implements PlotBuilder<SingleRunData> {
    private final String name;
    private final String title;

    public RequestTimeline() {
        this(PlotNames.REQUEST_TIMELINE, "Request timeline: time to first token, then generation");
    }

    /** A config's request_timeline preset under its own name and title. */
    public RequestTimeline(String name, String title) {
        this.name = name;
        this.title = title;
    }

    @Override
    public String name() { return name; }

    @Override
    public List<Chart> build(SingleRunData data) {
        if (data.requests().isEmpty()) return List.of();
        List<Point> prefill = new ArrayList<>();
        List<Point> decode = new ArrayList<>();
        List<Point> errors = new ArrayList<>();
        int row = 0;
        for (RequestPoint r : data.requests()) {
            double start = data.seconds(r.startNs());
            double end = data.seconds(r.endNs());
            if (r.failed()) {
                bar(errors, start, end, row);
            } else if (Double.isFinite(r.ttftMs())) {
                double first = start + r.ttftMs() / 1e3;
                bar(prefill, start, first, row);
                bar(decode, first, end, row);
            } else {
                bar(decode, start, end, row);
            }
            row++;
        }
        List<Series> series = new ArrayList<>();
        if (!prefill.isEmpty()) series.add(Series.of("waiting for first token", SeriesStyle.SEGMENTS, prefill));
        if (!decode.isEmpty()) series.add(Series.of("generating", SeriesStyle.SEGMENTS, decode));
        if (!errors.isEmpty()) series.add(Series.of("failed", SeriesStyle.SEGMENTS, errors));
        return List.of(new Chart(name(), name(), title,
                Axis.linear("Time since start (s)"), Axis.linear("Request (in send order)"), series, List.of(), "avg"));
    }

    private static void bar(List<Point> out, double from, double to, int row) {
        if (!out.isEmpty()) out.add(Point.BREAK);
        out.add(Point.of(from, row));
        out.add(Point.of(to, row));
    }
}
