package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One axis of a plot preset: a metric and the statistic of it. AIPerf writes it as {@code {metric, stat}} or as
 * one word ({@code request_latency_avg}, {@code request_number}, a time-slice column name), both read here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlotAxis {
    private static final Pattern WITH_STAT = Pattern.compile("^([a-z0-9_]+)_(avg|min|max|std|p\\d{1,2}(?:\\.\\d+)?)$");

    @JsonPropertyDescription("Metric tag (e.g. request_latency), request_number, timestamp, or a time-slice column name.")
    private String metric;

    @JsonPropertyDescription("Statistic of the metric: avg, min, max, std or pNN. Default avg where one is needed.")
    private String stat;

    @JsonPropertyDescription("Where the metric comes from: summary (default), records, timeslices or server_metrics.")
    private String source;

    public PlotAxis() { }

    /** AIPerf's one-word form: {@code metric_stat} when it ends in a statistic, else the metric alone. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PlotAxis of(String word) {
        PlotAxis a = new PlotAxis();
        Matcher m = WITH_STAT.matcher(word.trim());
        if (m.matches()) {
            a.metric = m.group(1);
            a.stat = m.group(2);
        } else {
            a.metric = word.trim();
        }
        return a;
    }

    public String getMetric() { return metric; }
    public void setMetric(String metric) { this.metric = metric; }
    public String getStat() { return stat; }
    public void setStat(String stat) { this.stat = stat; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
}
