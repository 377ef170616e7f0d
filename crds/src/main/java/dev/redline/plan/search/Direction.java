package dev.redline.plan.search;

import java.util.Locale;

/** Whether larger or smaller values of an objective are better. */
public enum Direction {
    MAXIMIZE, MINIMIZE;

    /** The value turned so that larger is always better (planners maximise internally). */
    public double toMaximized(double value) { return this == MAXIMIZE ? value : -value; }

    public boolean better(double a, double b) { return this == MAXIMIZE ? a > b : a < b; }

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    public static Direction parse(String text) {
        if (text == null) return null;
        for (Direction d : values()) if (d.wireName().equalsIgnoreCase(text.trim())) return d;
        return null;
    }
}
