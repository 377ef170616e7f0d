package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of seconds, a duration with AIPerf's units ({@code 30s}, {@code 5 min}, {@code 2h}: s|sec|m|min|h|hr|hour,
 * any case), or {@code inf} / {@code infinity} (any case, optional leading dot or plus) for no limit.
 */
public final class SecondsDeserializer extends JsonDeserializer<Double> {
    private static final Pattern DURATION = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*(s|sec|m|min|h|hr|hour)?$", Pattern.CASE_INSENSITIVE);

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            Double seconds = parse(p.getText());
            if (seconds != null) return seconds;
            return (Double) ctxt.handleWeirdStringValue(Double.class, p.getText(), "not a duration; use e.g. 30, 30s, 5m, 2h or inf");
        }
        return p.getValueAsDouble();
    }

    /** Seconds for {@code 30}, {@code 30s}, {@code 5m}, {@code 2h}, {@code inf}; null when it is none of these. */
    public static Double parse(String text) {
        String v = text.trim().toLowerCase(Locale.ROOT);
        if (v.equals("inf") || v.equals(".inf") || v.equals("infinity") || v.equals("+inf")) return Double.POSITIVE_INFINITY;
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "m", "min" -> value * 60;
            case "h", "hr", "hour" -> value * 3600;
            default -> value;
        };
    }
}
