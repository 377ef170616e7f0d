package dev.redline.runner.live;

/** Reads one sample out of Prometheus text: test helper, no parser shortcuts beyond the line format. */
final class PromText {
    private final String text;

    PromText(String text) {
        this.text = text;
    }

    /** Value of {@code name} (with {@code label="value"} among its labels when given); NaN when absent. */
    double value(String name, String label, String labelValue) {
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) continue;
            String rest = line.substring(name.length());
            if (!rest.startsWith("{") && !rest.startsWith(" ")) continue;
            if (label != null && !rest.contains(label + "=\"" + labelValue + "\"")) continue;
            return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        return Double.NaN;
    }
}
