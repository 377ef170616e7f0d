package dev.redline.runner.endpoint;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Base64;

/**
 * A file part of a multipart/form-data request (an image to edit, audio to transcribe). In a JSON payload
 * (inputs.json, or a JSON body asked for with --request-content-type application/json) it is a data URL.
 */
public record FormFile(String fileName, String contentType, byte[] bytes) {
    @JsonValue
    public String dataUrl() {
        return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }
}
