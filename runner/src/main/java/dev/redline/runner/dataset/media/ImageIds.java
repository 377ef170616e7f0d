package dev.redline.runner.dataset.media;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A record's images with their vLLM multimodal-cache ids, as AIPerf reads them: {@code image_uuids} aligned 1:1 with a
 * list of string {@code images} (without {@code images}, each id is a reference alone), or {@code uuids} inside
 * {@code {contents, uuids}} image objects; never with the singular {@code image}, never empty ids.
 */
final class ImageIds {
    private ImageIds() { }

    static void parse(JsonNode record, String where, MediaFiles files, List<String> images, List<String> uuids) {
        JsonNode ids = record.get("image_uuids");
        if (ids != null && !ids.isNull()) {
            parseAligned(record, ids, where, files, images, uuids);
            return;
        }
        JsonNode many = record.get("images");
        boolean objects = many != null && many.isArray() && many.size() > 0 && many.get(0).isObject();
        if (!objects) {
            MediaColumns.values(record, "image", where, (v, at) -> {
                images.add(files.image(v, at));
                uuids.add("");
            });
            return;
        }
        if (record.hasNonNull("image")) throw MediaColumns.error(where, "image", "and 'images' cannot both be set; keep one");
        for (JsonNode e : many) {
            JsonNode contents = e.get("contents");
            JsonNode own = e.get("uuids");
            if (!e.isObject() || contents == null || !contents.isArray()) {
                throw MediaColumns.error(where, "images", "must hold strings or {name, contents[, uuids]} objects, found " + e);
            }
            if (own != null && !own.isNull() && (!own.isArray() || own.size() != contents.size())) {
                throw MediaColumns.error(where, "images", "uuids must be a list as long as contents (" + contents.size() + ")");
            }
            for (int i = 0; i < contents.size(); i++) {
                String id = own == null || own.isNull() ? "" : text(own.get(i), where, "images");
                if (own != null && !own.isNull() && id.isEmpty()) throw MediaColumns.error(where, "images", "uuids must not be empty strings");
                String c = contents.get(i).isTextual() ? contents.get(i).asText() : null;
                if (c == null) throw MediaColumns.error(where, "images", "contents must be strings, found " + contents.get(i));
                images.add(c.isEmpty() && !id.isEmpty() ? "" : files.image(c, where + ": field 'images'"));
                uuids.add(id);
            }
        }
    }

    private static void parseAligned(JsonNode record, JsonNode ids, String where, MediaFiles files, List<String> images, List<String> uuids) {
        if (record.hasNonNull("image")) throw MediaColumns.error(where, "image_uuids", "cannot be used with the singular 'image'; use 'images'");
        if (!ids.isArray() || ids.isEmpty()) throw MediaColumns.error(where, "image_uuids", "must be a non-empty list of strings");
        JsonNode many = record.get("images");
        boolean given = many != null && !many.isNull();
        if (given && (!many.isArray() || many.size() != ids.size())) {
            throw MediaColumns.error(where, "image_uuids", "has " + ids.size() + " ids but 'images' has "
                    + (many.isArray() ? many.size() : "no list of") + " images; give one id per image");
        }
        for (int i = 0; i < ids.size(); i++) {
            String id = text(ids.get(i), where, "image_uuids");
            if (id.isEmpty()) throw MediaColumns.error(where, "image_uuids", "must not contain empty strings");
            if (given && !many.get(i).isTextual()) {
                throw MediaColumns.error(where, "image_uuids", "needs 'images' as strings; for {contents} objects put uuids in each object");
            }
            String c = given ? many.get(i).asText() : "";
            images.add(c.isEmpty() ? "" : files.image(c, where + ": field 'images'"));
            uuids.add(id);
        }
    }

    private static String text(JsonNode v, String where, String field) {
        if (v == null || !v.isTextual()) throw MediaColumns.error(where, field, "ids must be strings, found " + v);
        return v.asText();
    }
}
