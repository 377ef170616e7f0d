package dev.redline.runner.mock;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/** One text-generation API the mock speaks: how it reads a request and writes the answer. */
interface GenerationApi {
    /** Reads the request ({@link InferenceRequest.BadRequest}, answered 400, when it is not this API's shape). */
    InferenceRequest parse(HttpServerRequest request, Buffer body, String defaultModel) throws InferenceRequest.BadRequest;

    /** The answer's writer for request {@code index}. */
    StreamFormat format(long index, long created, String model);

    /** True when the API has a separate reasoning channel (the mock's reasoning tokens go there). */
    boolean reasons();
}
