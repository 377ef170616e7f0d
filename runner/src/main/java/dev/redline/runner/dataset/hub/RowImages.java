package dev.redline.runner.dataset.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.runner.dataset.media.MediaFiles;
import dev.redline.runner.dataset.media.MediaParts;

import java.io.IOException;
import java.util.Base64;
import java.util.List;

/**
 * A dataset row's image column as AIPerf reads it: one value or a list, the first usable image wins; an HF
 * {@code Image} ({@code {bytes, path}}: Parquet binary, or base64 text in a JSON export) is sent as a data URL in its
 * own format, the rows API's {@code {src}} and a plain http(s)/data URL as given. Path-only and undecodable images are
 * skipped, so the row goes as text only.
 */
final class RowImages {
    private RowImages() { }

    static MediaParts first(JsonNode value) {
        if (value == null || value.isNull()) return MediaParts.NONE;
        Iterable<JsonNode> items = value.isArray() ? value : List.of(value);
        for (JsonNode item : items) {
            String url = url(item);
            if (url != null) return new MediaParts(List.of(url), List.of(), List.of(), 0);
        }
        return MediaParts.NONE;
    }

    private static String url(JsonNode item) {
        if (item.isTextual()) {
            String v = item.asText();
            return v.startsWith("http://") || v.startsWith("https://") || v.startsWith("data:image/") ? v : null;
        }
        if (!item.isObject()) return null;
        JsonNode bytes = item.get("bytes");
        if (bytes != null && !bytes.isNull()) {
            try {
                byte[] raw = bytes.isBinary() ? bytes.binaryValue() : Base64.getDecoder().decode(bytes.asText());
                return raw.length == 0 ? null : MediaFiles.imageDataUrl(raw);
            } catch (IOException | IllegalArgumentException e) {
                return null;
            }
        }
        JsonNode src = item.get("src");
        return src != null && src.isTextual() ? url(src) : null;
    }
}
