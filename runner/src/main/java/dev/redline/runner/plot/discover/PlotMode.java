package dev.redline.runner.plot.discover;

/** AIPerf's modes: one run directory found, or several (a directory of runs, a sweep, a search, several paths). */
public enum PlotMode { SINGLE_RUN, MULTI_RUN }
