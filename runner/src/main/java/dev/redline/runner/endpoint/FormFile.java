package dev.redline.runner.endpoint;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Base64;

/**
 * A file part of a multipart/form-data request (an image to edit, audio to transcribe). In a JSON payload
 * (inputs.json, or a JSON body asked for with --request-content-type application/json) it is a data URL.
 */
public record FormFile(String fileName, String contentType, byte[] bytes) {
    /** True for {@code data:<type>;base64,<data>}. */
    public static boolean isDataUrl(String s) {
        return s.startsWith("data:") && s.indexOf(";base64,") > 5;
    }

    /** The file a data URL holds, named {@code <part>.<subtype>} (e.g. file.wav). */
    public static FormFile fromDataUrl(String part, String url) {
        int marker = url.indexOf(";base64,");
        String type = url.substring(5, marker);
        String ext = type.substring(type.indexOf('/') + 1);
        try {
            return new FormFile(part + "." + ext, type, Base64.getDecoder().decode(url.substring(marker + 8)));
        } catch (IllegalArgumentException e) {
            throw new dev.redline.runner.BadInputException("'" + part + "' holds a data URL whose base64 does not decode: " + e.getMessage());
        }
    }

    @JsonValue
    public String dataUrl() {
        return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }
}
