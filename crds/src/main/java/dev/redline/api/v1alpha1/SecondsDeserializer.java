package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

import java.io.IOException;
import java.util.Locale;

/** A number of seconds, or {@code inf} / {@code infinity} (any case, optional leading dot) for no limit. */
public final class SecondsDeserializer extends JsonDeserializer<Double> {
    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            String v = p.getText().trim().toLowerCase(Locale.ROOT);
            if (v.equals("inf") || v.equals(".inf") || v.equals("infinity") || v.equals("+inf")) return Double.POSITIVE_INFINITY;
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return (Double) ctxt.handleWeirdStringValue(Double.class, p.getText(), "not a number of seconds; use e.g. 30 or inf");
            }
        }
        return p.getValueAsDouble();
    }
}
