package dev.redline.runner.plot;

import dev.redline.api.v1alpha1.PlotSpec;
import dev.redline.runner.cli.RedlineCli;
import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.chart.Point;
import dev.redline.runner.plot.chart.Series;
import dev.redline.runner.plot.discover.RunDiscovery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * dashboard.html from a real run against the mock server (profile --auto-plot) and from a directory of
 * runs, opened in headless Chromium: it loads with no network request, every chart has its series with
 * the points the chart data has, and the stat switcher, log axes, series filter and hover work.
 * Screenshots stay in target/plot-screenshots/ (CI artifact).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "plot-screenshots");
    Path base;
    Path single;
    ChromeDriver browser;

    @BeforeAll
    void runAndPlot() throws IOException {
        browser = HeadlessChromium.start();
        base = Files.createTempDirectory("redline-dashboard");
        for (int c : new int[]{2, 4}) {
            int code = RedlineCli.execute("profile", "--mock-server", "--streaming", "--concurrency", String.valueOf(c),
                    // several 0.5 s slices, each with scrapes in it (the percentile bands need per-slice buckets)
                    "--request-count", "80", "--isl", "32", "--osl", "16", "--slice-duration", "0.5", "--ui-type", "none",
                    "--server-metrics-interval", "0.1",
                    "--artifact-dir", base.resolve("concurrency_" + c).toString(), "--auto-plot", "--plot-required");
            assertEquals(0, code, "profile --auto-plot against the mock");
        }
        single = base.resolve("concurrency_4");
        assertEquals(0, RedlineCli.execute("plot", base.toString(), "--theme", "dark"));
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
    }

    @Test
    void singleRunDashboardShowsEveryChartWithItsPointsOffline() throws IOException {
        List<Chart> charts = expected(single);
        open(single.resolve("dashboard.html"));
        assertChartsMatch(charts);
        assertNoNetworkAndNoErrors();

        // the stat switcher (the real <select>) changes the rolling line to the chosen statistic
        Chart ttft = charts.stream().filter(c -> c.id().equals("ttft_over_time")).findFirst().orElseThrow();
        Series rolling = ttft.series("rolling over 10 requests");
        List<Double> before = plottedY("ttft_over_time", rolling.name());
        new Select(browser.findElement(By.id("stat"))).selectByValue("p99");
        List<Double> after = plottedY("ttft_over_time", rolling.name());
        assertNotEquals(before, after, "switching avg -> p99 changes the plotted values");
        assertEquals(rolling.points("p99").stream().map(p -> p.y()).toList(), after);
        assertTrue(browser.findElement(By.cssSelector("#card-ttft_over_time h2")).getText().endsWith("[p99]"));

        // log axis switch of one chart
        browser.findElement(By.cssSelector("#card-ttft_over_time .log-y")).click();
        assertEquals("log", js("return redline.instance('ttft_over_time').getOption().yAxis[0].type"));

        // hover values: a point's tooltip names its series and values (ECharts' hover path, by action)
        js("redline.instance('latency_over_time').dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0})");
        String tip = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> (String) js(
                "var t = Array.from(document.querySelectorAll('#chart-latency_over_time div')).filter(function (e) {"
                + " return /Request latency \\(ms\\): /.test(e.innerText); })[0];"
                + " return t ? t.innerText : null"));
        assertTrue(tip.contains("requests") && tip.contains("Request latency (ms)"), "tooltip: " + tip);

        // series filter: only series whose name contains the text stay selected in the legend
        browser.findElement(By.id("filter")).sendKeys("generating");
        @SuppressWarnings("unchecked")
        Map<String, Boolean> selected = (Map<String, Boolean>) js("return redline.instance('ttft_timeline').getOption().legend[0].selected");
        assertEquals(Map.of("waiting for first token", false, "generating", true), selected);

        js("redline.setFilter(''); window.scrollTo(0, 0)");
        screenshot("single-run.png");
    }

    /** AIPerf's default dual_axis plot in the browser: two y axes, the GPU utilisation against the right one. */
    @Test
    void dualAxisChartHasTwoYAxesWithTheSecondSeriesOnTheRight() throws IOException {
        // a run long enough for several time slices with the simulated GPUs' samples in them
        Path gpuRun = Files.createTempDirectory("redline-dual-axis").resolve("run");
        assertEquals(0, RedlineCli.execute("profile", "--mock-server", "--streaming", "--concurrency", "4", "--benchmark-duration", "2",
                "--isl", "32", "--osl", "16", "--slice-duration", "0.5", "--gpu-telemetry-interval", "0.25", "--ui-type", "none",
                "--artifact-dir", gpuRun.toString()));
        Path out = gpuRun.resolve("default-config");
        PlotSpec spec = PresetTypesTest.config("aiperf-default-plot-config.yaml");
        PlotResult r = Plotter.run(new PlotRequest(List.of(gpuRun), out, spec, List.of()));
        assertEquals(List.of(), r.notDrawn());
        Chart dual = r.charts().stream().filter(c -> c.id().equals("gpu_utilization_and_throughput_over_time")).findFirst().orElseThrow();
        open(out.resolve("dashboard.html"));
        assertChartsMatch(r.charts());
        assertNoNetworkAndNoErrors();
        String id = dual.id();
        assertEquals(2L, js("return redline.instance(arguments[0]).getOption().yAxis.length", id));
        assertEquals(List.of(dual.y().label(), dual.y2().label()),
                js("return redline.instance(arguments[0]).getOption().yAxis.map(function (a) { return a.name; })", id));
        assertEquals("right", js("return redline.instance(arguments[0]).getOption().yAxis[1].position", id));
        for (Series s : dual.series()) {
            Object index = js("var want = arguments[1]; return redline.instance(arguments[0]).getOption().series"
                    + ".filter(function (x) { return x.id === want; })[0].yAxisIndex", id, s.name());
            assertEquals(s.secondary() ? 1L : 0L, index, s.name());
        }
        assertTrue(js("return redline.instance(arguments[0]).getOption().series[1].areaStyle", id) != null, "fill tozeroy");
        // the hover of a GPU point names the right axis
        js("redline.instance(arguments[0]).dispatchAction({type: 'showTip', seriesIndex: 1, dataIndex: 0})", id);
        String tip = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> (String) js(
                "var t = Array.from(document.querySelectorAll('#chart-' + arguments[0] + ' div')).filter(function (e) {"
                + " return /NVIDIA GPU Utilization \\(%\\): /.test(e.innerText); })[0]; return t ? t.innerText : null", id));
        assertTrue(tip.contains(dual.y2().label()), tip);
        js("document.getElementById('card-' + arguments[0]).scrollIntoView()", id);
        screenshot("dual-axis.png");
    }

    /** AIPerf's percentile_bands of server metrics: each band stacked on its bottom edge, reaching its top edge. */
    @Test
    void percentileBandsAreShadedBetweenTheirEdges() throws IOException {
        Path out = single.resolve("server-presets");
        PlotResult r = Plotter.run(new PlotRequest(List.of(single), out, PresetTypesTest.config("server-metric-presets.yaml"), List.of()));
        assertEquals(List.of(), r.notDrawn());
        Chart bands = r.charts().stream().filter(c -> c.id().equals("ttft_bands")).findFirst().orElseThrow();
        open(out.resolve("dashboard.html"));
        assertChartsMatch(r.charts());
        assertNoNetworkAndNoErrors();
        for (String band : List.of("p95–p99 band", "p50–p95 band")) {
            List<Point> points = bands.series(band).points(bands.defaultStat());
            @SuppressWarnings("unchecked")
            List<List<Number>> quads = (List<List<Number>>) seriesData("ttft_bands", band);
            assertEquals(points.size(), quads.size());
            for (int i = 0; i < points.size(); i++) {
                Point next = points.get(Math.min(i + 1, points.size() - 1));
                List<Double> want = List.of(points.get(i).x(), points.get(i).low(), points.get(i).high(), next.x(), next.low(), next.high());
                assertEquals(want, quads.get(i).stream().map(Number::doubleValue).toList(), band + ": the quadrilateral from point " + i);
            }
            assertEquals("custom", js("var want = arguments[1]; return redline.instance(arguments[0]).getOption().series"
                    + ".filter(function (x) { return x.id === want; })[0].type", "ttft_bands", band));
        }
        // the band is painted: midway between p95 and p99 where they are furthest apart, the (transparent) canvas
        // holds the band's colour at 30 % opacity
        List<Point> upper = bands.series("p95–p99 band").points(bands.defaultStat());
        // the last point starts no quadrilateral
        Point widest = upper.subList(0, upper.size() - 1).stream().max(java.util.Comparator.comparingDouble(p -> p.high() - p.low())).orElseThrow();
        assertTrue(widest.high() > widest.low(), "a slice with p99 above p95: " + upper);
        @SuppressWarnings("unchecked")
        List<Number> rgba = (List<Number>) js("var c = redline.instance(arguments[0]);"
                + " var px = c.convertToPixel({gridIndex: 0}, [arguments[1], arguments[2]]);"
                + " var canvas = c.getDom().querySelector('canvas'); var r = canvas.width / canvas.clientWidth;"
                + " return Array.from(canvas.getContext('2d').getImageData(Math.round(px[0] * r) + 2, Math.round(px[1] * r), 1, 1).data)",
                "ttft_bands", widest.x(), (widest.low() + widest.high()) / 2);
        java.awt.Color series = java.awt.Color.decode(dev.redline.runner.plot.chart.Theme.PALETTE.get(0));
        int[] want = {series.getRed(), series.getGreen(), series.getBlue()};
        for (int i = 0; i < 3; i++) assertEquals(want[i], rgba.get(i).doubleValue(), 30, "channel " + i + " of " + rgba);
        assertEquals(0.3 * 255, rgba.get(3).doubleValue(), 25, "opacity of " + rgba);
        js("document.getElementById('card-ttft_bands').scrollIntoView()");
        screenshot("percentile-bands.png");
    }

    @Test
    void multiRunDashboardShowsTheRunsAgainstEachOther() throws IOException {
        List<Chart> charts = expected(base);
        assertTrue(charts.stream().anyMatch(c -> c.id().equals("ttft_vs_throughput")));
        open(base.resolve("dashboard.html"));
        assertEquals("dark", browser.findElement(By.tagName("html")).getAttribute("data-theme"));
        assertChartsMatch(charts);
        assertNoNetworkAndNoErrors();
        List<Double> avg = plottedX("ttft_vs_throughput", "mock-model");
        new Select(browser.findElement(By.id("stat"))).selectByValue("p90");
        List<Double> p90 = plottedX("ttft_vs_throughput", "mock-model");
        assertNotEquals(avg, p90);
        Chart c = charts.stream().filter(x -> x.id().equals("ttft_vs_throughput")).findFirst().orElseThrow();
        assertEquals(c.series("mock-model").points("p90").stream().map(p -> p.x()).toList(), p90);
        screenshot("multi-run.png");
    }

    private List<Chart> expected(Path dir) {
        return Plotter.charts(new PlotRequest(List.of(dir), null, null, List.of()), RunDiscovery.discover(List.of(dir)));
    }

    private void open(Path page) {
        browser.get(page.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(js("return !!(window.redline && redline.ready)")));
        browser.manage().logs().get(LogType.PERFORMANCE); // start the network check after the load
    }

    /** Every chart is drawn, with each series' point count (default statistic) as in the chart data. */
    private void assertChartsMatch(List<Chart> charts) {
        List<WebElement> cards = browser.findElements(By.cssSelector("section.card"));
        assertEquals(charts.stream().map(Chart::id).toList(), cards.stream().map(e -> e.getAttribute("id").substring(5)).toList());
        for (Chart c : charts) {
            for (Series s : c.series()) {
                Object n = js("var want = arguments[1];"
                        + " var s = redline.instance(arguments[0]).getOption().series.filter(function (x) { return x.id === want; })[0];"
                        + " return s ? s.data.length : -1", c.id(), s.name());
                assertEquals((long) s.points(c.defaultStat()).size(), n, c.id() + " / " + s.name());
            }
        }
    }

    private void assertNoNetworkAndNoErrors() {
        browser.navigate().refresh();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(js("return !!(window.redline && redline.ready)")));
        List<String> problems = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE)) {
            String m = e.getMessage();
            if (m.contains("\"Network.loadingFailed\"")) problems.add(m);
            if (m.contains("\"Network.requestWillBeSent\"") && !m.matches("(?s).*\"url\":\"(file|data|blob|about):.*")) problems.add(m);
        }
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) problems.add(e.getMessage());
        }
        assertEquals(List.of(), problems, "the page must load offline, without errors");
    }

    @SuppressWarnings("unchecked")
    private List<Double> plottedY(String chart, String series) {
        return ((List<List<Object>>) seriesData(chart, series)).stream().map(p -> ((Number) p.get(1)).doubleValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Double> plottedX(String chart, String series) {
        return ((List<List<Object>>) seriesData(chart, series)).stream().map(p -> ((Number) p.get(0)).doubleValue()).toList();
    }

    private Object seriesData(String chart, String series) {
        return js("var want = arguments[1];"
                + " return redline.instance(arguments[0]).getOption().series.filter(function (s) { return s.id === want; })[0].data",
                chart, series);
    }

    private Object js(String script, Object... args) {
        return browser.executeScript(script, args);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
