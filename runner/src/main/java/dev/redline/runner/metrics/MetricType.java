package dev.redline.runner.metrics;

/** AIPerf's metric kinds: per-record distributions, run-level counters, and formulas over other results. */
public enum MetricType { RECORD, AGGREGATE, DERIVED }
