package dev.redline.runner.endpoint;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.HttpPostRequestEncoder;
import io.netty.handler.codec.http.multipart.MemoryFileUpload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Encodes a payload as multipart/form-data with Netty's form encoder (RFC 7578), once, before the send:
 * a {@link FormFile} or a base64 data URL ({@code data:audio/wav;base64,...}, as a dataset's extra field may
 * carry it) becomes a file part, a list one part per element under the same name, a string or number a plain
 * field, and a map or other value a field holding its JSON.
 */
public final class MultipartEncoder {
    private MultipartEncoder() { }

    public static WireBody encode(Map<String, Object> payload) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/");
        DefaultHttpDataFactory memory = new DefaultHttpDataFactory(false);
        try {
            HttpPostRequestEncoder encoder = new HttpPostRequestEncoder(memory, request, true);
            for (Map.Entry<String, Object> e : payload.entrySet()) {
                if (e.getValue() instanceof List<?> list) {
                    for (Object item : list) add(encoder, request, e.getKey(), item);
                } else if (e.getValue() != null) {
                    add(encoder, request, e.getKey(), e.getValue());
                }
            }
            HttpRequest head = encoder.finalizeRequest();
            String contentType = head.headers().get(HttpHeaderNames.CONTENT_TYPE);
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
            if (encoder.isChunked()) {
                while (!encoder.isEndOfInput()) {
                    HttpContent chunk = encoder.readChunk(ByteBufAllocator.DEFAULT);
                    try {
                        copy(chunk.content(), out);
                    } finally {
                        chunk.release();
                    }
                }
            } else {
                copy(((FullHttpRequest) head).content(), out);
            }
            encoder.cleanFiles();
            return new WireBody(out.toByteArray(), contentType);
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode the multipart form: " + e.getMessage(), e);
        } finally {
            request.release();
            memory.cleanAllHttpData();
        }
    }

    private static void add(HttpPostRequestEncoder encoder, HttpRequest request, String name, Object value)
            throws HttpPostRequestEncoder.ErrorDataEncoderException {
        if (value instanceof String s && FormFile.isDataUrl(s)) value = FormFile.fromDataUrl(name, s);
        if (value instanceof FormFile f) {
            MemoryFileUpload upload = new MemoryFileUpload(name, f.fileName(), f.contentType(), "binary", null, f.bytes().length);
            try {
                upload.setContent(Unpooled.wrappedBuffer(f.bytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            encoder.addBodyHttpData(upload);
        } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            encoder.addBodyAttribute(name, String.valueOf(value));
        } else {
            encoder.addBodyAttribute(name, new String(JsonPayloads.json(value), StandardCharsets.UTF_8));
        }
    }

    private static void copy(ByteBuf buf, ByteArrayOutputStream out) {
        byte[] bytes = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), bytes);
        out.write(bytes, 0, bytes.length);
    }
}
