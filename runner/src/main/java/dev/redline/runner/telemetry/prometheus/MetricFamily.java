package dev.redline.runner.telemetry.prometheus;

import java.util.ArrayList;
import java.util.List;

/** A metric family: name, type, HELP text and its samples in the order they appeared. */
public final class MetricFamily {
    private final String name;
    private MetricType type;
    private String help;
    private final List<Sample> samples = new ArrayList<>();

    public MetricFamily(String name, MetricType type) {
        this.name = name;
        this.type = type;
    }

    public String name() { return name; }
    public MetricType type() { return type; }
    public String help() { return help; }
    public List<Sample> samples() { return samples; }

    void setType(MetricType type) { this.type = type; }
    void setHelp(String help) { this.help = help; }
    void add(Sample s) { samples.add(s); }
}
