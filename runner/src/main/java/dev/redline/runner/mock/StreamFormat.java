package dev.redline.runner.mock;

import io.vertx.core.buffer.Buffer;

/**
 * How one generation API writes its answer: the events of a stream (head, one per token, the end) and the
 * whole body of a non-streaming answer. Built once per request; a token event is a few byte copies, no JSON
 * tree or formatting per token.
 */
interface StreamFormat {
    /** Events before the first token (OpenAI chat's role chunk, Anthropic's message_start, ...). */
    void appendStart(Buffer out);

    void appendToken(Buffer out, byte[] word, boolean reasoning);

    /** Events after the last token: finish, usage, the terminator. */
    void appendEnd(Buffer out, GenerationJob job);

    /** The non-streaming answer. */
    String wholeBody(GenerationJob job);
}
