package dev.redline.runner.plot.png;

import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.chart.Point;
import dev.redline.runner.plot.chart.Series;
import dev.redline.runner.plot.chart.SeriesStyle;
import dev.redline.runner.plot.chart.Theme;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws a {@link Chart} as a PNG with XChart (Java2D, headless): the chart's default statistic, its
 * series styles, error bars where the points have intervals, log axes where the chart starts log.
 */
public final class PngRenderer {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 700;

    private final Theme theme;

    public PngRenderer(Theme theme) {
        this.theme = theme;
    }

    /** Writes {@code file} (".png" is added by XChart when missing). */
    public void write(Chart chart, Path file) throws IOException {
        XYChart xy = toXChart(chart);
        String name = file.toString();
        BitmapEncoder.saveBitmap(xy, name.endsWith(".png") ? name.substring(0, name.length() - 4) : name, BitmapEncoder.BitmapFormat.PNG);
    }

    XYChart toXChart(Chart chart) {
        XYChart xy = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(chart.title() + statSuffix(chart))
                .xAxisTitle(chart.x().label()).yAxisTitle(chart.y().label()).build();
        boolean logX = chart.x().log() && allPositive(chart, true);
        boolean logY = chart.y().log() && allPositive(chart, false);
        style(xy.getStyler(), logX, logY);
        if (chart.hasSecondAxis()) {
            // XChart's y-axis groups: group 0 on the left (the chart's y), group 1 on the right (its y2)
            xy.setYAxisGroupTitle(0, chart.y().label());
            xy.setYAxisGroupTitle(1, chart.y2().label());
            xy.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
            xy.getStyler().setYAxisMin(1, 0.0); // AIPerf's second axis starts at zero (rangemode tozero)
        }
        int colour = 0;
        for (Series s : chart.series()) {
            List<Point> points = s.points(chart.defaultStat());
            Color c = Color.decode(Theme.PALETTE.get(colour++ % Theme.PALETTE.size()));
            if (points.isEmpty()) continue;
            if (s.style() == SeriesStyle.BAND) {
                band(xy, s, points, c);
                continue;
            }
            double[] x = new double[points.size()];
            double[] y = new double[points.size()];
            // a log axis cannot show an interval reaching zero or below (a wide CI of few trials): no bars then
            boolean bars = points.stream().allMatch(p -> p.isBreak() || (p.hasInterval() && (!logY || p.low() > 0)));
            double[] err = bars ? new double[points.size()] : null;
            for (int i = 0; i < points.size(); i++) {
                Point p = points.get(i);
                x[i] = p.x();
                y[i] = p.y();
                if (bars) err[i] = p.isBreak() ? 0 : (p.high() - p.low()) / 2; // CIs are symmetric (mean ± t·se)
            }
            XYSeries series = err == null ? xy.addSeries(s.name(), x, y) : xy.addSeries(s.name(), x, y, err);
            series.setLineColor(c);
            series.setMarkerColor(c);
            series.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 77)); // 0.3 opacity, AIPerf's fill
            if (s.secondary()) series.setYAxisGroup(1);
            apply(series, s.style());
        }
        return xy;
    }

    /**
     * XChart fills areas down to the axis only: a band is its top edge filled, then the area under its bottom edge
     * painted over in the plot's background (bands come outermost first, lines after them, so each band keeps
     * the part between its edges).
     */
    private void band(XYChart xy, Series s, List<Point> points, Color c) {
        double[] x = points.stream().mapToDouble(Point::x).toArray();
        XYSeries top = xy.addSeries(s.name(), x, points.stream().mapToDouble(Point::high).toArray());
        top.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        top.setMarker(SeriesMarkers.NONE);
        Color fill = new Color(c.getRed(), c.getGreen(), c.getBlue(), 77);
        top.setFillColor(fill);
        top.setLineColor(fill);
        XYSeries mask = xy.addSeries(s.name() + " ", x, points.stream().mapToDouble(Point::low).toArray());
        mask.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        mask.setMarker(SeriesMarkers.NONE);
        Color bg = Color.decode(theme.plotBackground);
        mask.setFillColor(bg);
        mask.setLineColor(fill);
        mask.setShowInLegend(false);
    }

    private static void apply(XYSeries series, SeriesStyle style) {
        switch (style) {
            case SCATTER -> {
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                series.setMarker(SeriesMarkers.CIRCLE);
            }
            case LINE -> {
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                series.setMarker(SeriesMarkers.NONE);
                series.setLineWidth(2.5f);
            }
            case LINE_MARKERS -> {
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                series.setMarker(SeriesMarkers.CIRCLE);
            }
            case STEP -> {
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
                series.setMarker(SeriesMarkers.NONE);
            }
            case AREA -> {
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
                series.setMarker(SeriesMarkers.NONE);
            }
            case STEP_AREA -> {
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
                series.setMarker(SeriesMarkers.NONE);
            }
            case BAND -> throw new IllegalStateException("a band is drawn by band()");
            case SEGMENTS -> {
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                series.setMarker(SeriesMarkers.NONE);
                series.setLineStyle(new BasicStroke(4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            }
        }
    }

    /** A log axis needs positive values; otherwise that axis stays linear (the y axis: of the series drawn against it). */
    private static boolean allPositive(Chart chart, boolean x) {
        return chart.series().stream().filter(s -> x || !s.secondary()).flatMap(s -> s.points(chart.defaultStat()).stream()).filter(p -> !p.isBreak())
                .allMatch(p -> (x ? p.x() : p.y()) > 0);
    }

    private void style(XYStyler s, boolean logX, boolean logY) {
        Color fg = Color.decode(theme.foreground);
        s.setChartBackgroundColor(Color.decode(theme.background));
        s.setPlotBackgroundColor(Color.decode(theme.plotBackground));
        s.setLegendBackgroundColor(Color.decode(theme.plotBackground));
        s.setChartFontColor(fg);
        s.setAxisTickLabelsColor(fg);
        s.setPlotGridLinesColor(Color.decode(theme.grid));
        s.setPlotBorderColor(Color.decode(theme.grid));
        s.setLegendBorderColor(Color.decode(theme.grid));
        s.setChartTitleBoxVisible(false);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setMarkerSize(6);
        s.setErrorBarsColorSeriesColor(true);
        s.setAntiAlias(true);
        s.setXAxisLogarithmic(logX);
        s.setYAxisLogarithmic(logY);
    }

    private static String statSuffix(Chart chart) {
        return chart.stats().isEmpty() ? "" : " [" + chart.defaultStat() + "]";
    }
}
