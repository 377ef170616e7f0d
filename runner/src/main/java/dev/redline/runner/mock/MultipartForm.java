package dev.redline.runner.mock;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** A multipart/form-data request body decoded with Netty's form decoder: its fields and the sizes of its files. */
final class MultipartForm {
    final Map<String, String> fields = new HashMap<>();
    /** part name -> bytes of the uploaded file. */
    final Map<String, Integer> files = new HashMap<>();
    /** part name -> the file's first bytes, enough to tell its format. */
    final Map<String, byte[]> heads = new HashMap<>();

    static MultipartForm parse(HttpServerRequest request, Buffer body) throws InferenceRequest.BadRequest {
        String type = request.getHeader("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) {
            throw new InferenceRequest.BadRequest("Content-Type must be multipart/form-data, was " + type);
        }
        FullHttpRequest netty = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, request.uri(),
                Unpooled.wrappedBuffer(body.getBytes()));
        netty.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        DefaultHttpDataFactory memory = new DefaultHttpDataFactory(false);
        HttpPostRequestDecoder decoder = null;
        try {
            decoder = new HttpPostRequestDecoder(memory, netty);
            MultipartForm form = new MultipartForm();
            for (InterfaceHttpData part : decoder.getBodyHttpDatas()) {
                if (part instanceof FileUpload f) {
                    form.files.put(f.getName(), (int) f.length());
                    form.heads.put(f.getName(), head(f));
                }
                else if (part instanceof Attribute a) form.fields.put(a.getName(), a.getValue());
            }
            return form;
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException | IOException e) {
            throw new InferenceRequest.BadRequest("malformed multipart body: " + e.getMessage());
        } finally {
            if (decoder != null) decoder.destroy();
            netty.release();
        }
    }

    private static byte[] head(FileUpload f) throws IOException {
        byte[] b = new byte[(int) Math.min(16, f.length())];
        f.getByteBuf().getBytes(f.getByteBuf().readerIndex(), b);
        return b;
    }

    /** A non-empty file part whose first bytes pass {@code format} (a real image, a real WAV). */
    void requireFile(String part, java.util.function.Predicate<byte[]> format, String what) throws InferenceRequest.BadRequest {
        requireFile(part);
        if (!format.test(heads.get(part))) throw new InferenceRequest.BadRequest(part + ": the uploaded file is not " + what);
    }

    String require(String field) throws InferenceRequest.BadRequest {
        String v = fields.get(field);
        if (v == null) throw new InferenceRequest.BadRequest(field + ": Field required");
        return v;
    }

    void requireFile(String part) throws InferenceRequest.BadRequest {
        Integer n = files.get(part);
        if (n == null || n == 0) throw new InferenceRequest.BadRequest(part + ": a non-empty file part is required");
    }
}
