package dev.redline.runner.plot.chart;

import dev.redline.runner.BadInputException;

import java.util.List;

/** Colours of the light and dark themes, shared by the PNG renderer and the dashboard. */
public enum Theme {
    LIGHT("#ffffff", "#ffffff", "#1f2328", "#d8dee4"),
    DARK("#0d1117", "#161b22", "#e6edf3", "#30363d");

    /** One palette for both themes, readable on white and on near-black (Okabe-Ito based, colour-blind safe). */
    public static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
            "#F0E442", "#8c8c8c", "#6A3D9A", "#B15928");

    public final String background;
    public final String plotBackground;
    public final String foreground;
    public final String grid;

    Theme(String background, String plotBackground, String foreground, String grid) {
        this.background = background;
        this.plotBackground = plotBackground;
        this.foreground = foreground;
        this.grid = grid;
    }

    public String wireName() { return name().toLowerCase(); }

    public static Theme of(String name) {
        if (name == null) return LIGHT;
        return switch (name) {
            case "light" -> LIGHT;
            case "dark" -> DARK;
            default -> throw new BadInputException("--theme: unknown theme '" + name + "'; use light or dark");
        };
    }
}
