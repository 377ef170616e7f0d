package dev.redline.runner.dataset.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.runner.dataset.DatasetFormatException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The media fields of an AIPerf single_turn record: {@code image}/{@code images}, {@code audio}/{@code audios},
 * {@code video}/{@code videos}, each a string (file path, http(s) URL, data URL; audio also {@code wav,<base64>}) or,
 * in the plural, a list of strings or {@code {name, contents}} objects.
 */
public final class MediaColumns {
    public static final List<String> FIELDS = List.of("image", "images", "audio", "audios", "video", "videos");

    private MediaColumns() { }

    /**
     * The record's media in wire form; {@code where} is "file:line" for errors. Images may carry vLLM cache ids (AIPerf's
     * {@code image_uuids} aligned with string {@code images}, or {@code uuids} of {@code {contents, uuids}} objects); an
     * id without content is a reference to an image the server has cached.
     */
    public static MediaParts parse(JsonNode record, String where, MediaFiles files) {
        List<String> images = new ArrayList<>();
        List<String> uuids = new ArrayList<>();
        List<String> audios = new ArrayList<>();
        List<String> videos = new ArrayList<>();
        double[] seconds = {0};
        ImageIds.parse(record, where, files, images, uuids);
        values(record, "video", where, (v, at) -> videos.add(files.video(v, at)));
        values(record, "audio", where, (v, at) -> {
            MediaFiles.Audio a = files.audio(v, at);
            audios.add(a.data());
            seconds[0] += a.seconds();
        });
        if (images.isEmpty() && audios.isEmpty() && videos.isEmpty()) return MediaParts.NONE;
        return new MediaParts(images, audios, videos, seconds[0], uuids);
    }

    static void values(JsonNode record, String singular, String where, BiConsumer<String, String> each) {
        String plural = singular + "s";
        JsonNode one = record.get(singular);
        JsonNode many = record.get(plural);
        boolean hasOne = one != null && !one.isNull();
        boolean hasMany = many != null && !many.isNull();
        if (hasOne && hasMany) throw error(where, singular, "and '" + plural + "' cannot both be set; keep one");
        if (hasOne) {
            if (!one.isTextual() || one.asText().isBlank()) throw error(where, singular, "must be a non-empty string (path, URL or data URL)");
            each.accept(one.asText(), where + ": field '" + singular + "'");
            return;
        }
        if (!hasMany) return;
        if (!many.isArray()) throw error(where, plural, "must be a list of strings or {name, contents} objects");
        for (JsonNode e : many) {
            if (e.isTextual()) {
                each.accept(e.asText(), where + ": field '" + plural + "'");
            } else if (e.isObject() && e.has("contents") && e.get("contents").isArray()) {
                for (JsonNode c : e.get("contents")) {
                    if (!c.isTextual()) throw error(where, plural, "contents must be strings, found " + c);
                    each.accept(c.asText(), where + ": field '" + plural + "'");
                }
            } else {
                throw error(where, plural, "must hold strings or {name, contents} objects, found " + e);
            }
        }
    }

    static DatasetFormatException error(String where, String field, String problem) {
        return new DatasetFormatException(where + ": field '" + field + "' " + problem);
    }
}
