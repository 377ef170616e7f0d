package dev.redline.runner.plot.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.runner.cli.RedlineVersion;
import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.chart.Point;
import dev.redline.runner.plot.chart.Series;
import dev.redline.runner.plot.chart.Stats;
import dev.redline.runner.plot.chart.Theme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes dashboard.html: one self-contained file with the charts as JSON, ECharts and the dashboard
 * script inlined (stat switcher avg/p50/p90/p95/p99, log axes per chart, series filter and legend,
 * hover values). Nothing is fetched when it is opened.
 */
public final class DashboardWriter {
    public static final String FILE_NAME = "dashboard.html";
    private static final String BASE = "/dev/redline/runner/plot/html/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Theme theme;

    public DashboardWriter(Theme theme) {
        this.theme = theme;
    }

    public Path write(Path dir, String title, String subtitle, List<Chart> charts) throws IOException {
        String page = ChartLibrary.resource(DashboardWriter.class, BASE + "dashboard.html");
        Map<String, String> parts = Map.of(
                "@CSS@", ChartLibrary.resource(DashboardWriter.class, BASE + "dashboard.css"),
                "@DATA@", scriptSafe(JSON.writeValueAsString(data(charts))),
                "@APP@", ChartLibrary.resource(DashboardWriter.class, BASE + "dashboard.js"),
                "@ECHARTS@", ChartLibrary.script());
        page = page.replace("@THEME@", theme.wireName()).replace("@TITLE@", escape(title)).replace("@SUBTITLE@", escape(subtitle))
                .replace("@VERSION@", escape(RedlineVersion.version())).replace("@ECHARTS_VERSION@", ChartLibrary.version());
        // the inlined parts last, so that their text is never searched for placeholders
        for (String key : List.of("@CSS@", "@DATA@", "@APP@", "@ECHARTS@")) {
            int at = page.indexOf(key);
            page = page.substring(0, at) + parts.get(key) + page.substring(at + key.length());
        }
        Path file = dir.resolve(FILE_NAME);
        Files.writeString(file, page, StandardCharsets.UTF_8);
        return file;
    }

    ObjectNode data(List<Chart> charts) {
        ObjectNode root = JSON.createObjectNode();
        root.put("theme", theme.wireName());
        root.put("defaultStat", Stats.AVG);
        Stats.SWITCHABLE.forEach(root.putArray("stats")::add);
        Theme.PALETTE.forEach(root.putArray("palette")::add);
        ArrayNode list = root.putArray("charts");
        for (Chart c : charts) {
            ObjectNode n = list.addObject();
            n.put("id", c.id());
            n.put("plot", c.plot());
            n.put("title", c.title());
            n.putObject("x").put("label", c.x().label()).put("log", c.x().log());
            n.putObject("y").put("label", c.y().label()).put("log", c.y().log());
            if (c.hasSecondAxis()) n.putObject("y2").put("label", c.y2().label()).put("log", c.y2().log());
            c.stats().forEach(n.putArray("stats")::add);
            n.put("defaultStat", c.defaultStat());
            ArrayNode series = n.putArray("series");
            for (Series s : c.series()) {
                ObjectNode sn = series.addObject();
                sn.put("name", s.name());
                sn.put("style", s.style().name());
                if (s.secondary()) sn.put("secondary", true);
                ObjectNode byStat = sn.putObject("byStat");
                s.byStat().forEach((stat, points) -> {
                    ArrayNode arr = byStat.putArray(stat);
                    points.forEach(p -> arr.add(point(p)));
                });
            }
        }
        return root;
    }

    /** [x, y] or [x, y, low, high, label]; a line break is [null, null]. */
    private static ArrayNode point(Point p) {
        ArrayNode a = JSON.createArrayNode();
        if (p.isBreak()) return a.addNull().addNull();
        a.add(p.x()).add(p.y());
        if (p.hasInterval() || p.label() != null) {
            if (p.hasInterval()) a.add(p.low()).add(p.high());
            else a.addNull().addNull();
            if (p.label() != null) a.add(p.label());
        }
        return a;
    }

    /** JSON inside a script element: a "&lt;" could end or confuse it; JSON strings may spell it \u003c. */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
