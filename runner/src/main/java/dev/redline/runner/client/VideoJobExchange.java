package dev.redline.runner.client;

import dev.redline.runner.record.ErrorInfo;
import dev.redline.runner.record.RequestRecord;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.util.function.BiConsumer;

/**
 * A video_generation request as AIPerf runs it: submit the job ({@code POST /v1/videos}), poll
 * {@code GET /v1/videos/{id}} every {@value #POLL_MS} ms until it is completed or failed, and with
 * --download-video-content fetch the result ({@code url}, else {@code /v1/videos/{id}/content}). The request's
 * latency ends when the job is seen completed, or when the download ends if it is asked for; the whole job is
 * bounded by the request timeout. Confined to one event loop like {@link Exchange}; nothing blocks.
 */
final class VideoJobExchange implements ClientExchange {
    static final long POLL_MS = 100;
    private static final int MAX_ERROR_BODY = 4096;

    private final InferenceClient client;
    private final PreparedRequest request;
    private final RequestRecord rec;
    private final Runnable onComplete;
    private final Context ctx;
    private final HttpClient http;
    private final MultiMap getHeaders = MultiMap.caseInsensitiveMultiMap();

    private HttpClientRequest inFlight;
    private long timeoutTimer = -1;
    private long pollTimer = -1;
    private boolean done;
    private String pollUri;

    VideoJobExchange(InferenceClient client, PreparedRequest request, RequestRecord rec, Runnable onComplete, Context ctx, HttpClient http) {
        this.client = client;
        this.request = request;
        this.rec = rec;
        this.onComplete = onComplete;
        this.ctx = ctx;
        this.http = http;
        request.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Content-Type") && !k.equalsIgnoreCase("Content-Length")) getHeaders.add(k, v);
        });
        getHeaders.set("Accept", "application/json");
    }

    @Override
    public void start() {
        long timeoutMs = (long) Math.min(Long.MAX_VALUE / 2, Math.ceil(client.config().timeoutSeconds() * 1000));
        rec.markStart(System.nanoTime(), InferenceClient.wallNowNs());
        timeoutTimer = client.vertx().setTimer(Math.max(1, timeoutMs), id -> {
            timeoutTimer = -1;
            abort(TransportErrors.timeout(client.config().timeoutSeconds()));
        });
        RequestOptions submit = client.requestOptions(rec.urlIndex(), request.uri());
        pollUri = submit.getURI();
        call(submit, request.headers(), request.body(), true, this::onSubmitted);
    }

    /** Sends one request and hands its 200 body to {@code then}; any other status or failure ends the job. */
    private void call(RequestOptions options, MultiMap headers, Buffer body, boolean first, BiConsumer<Buffer, Long> then) {
        http.request(options).onComplete((AsyncResult<HttpClientRequest> ar) -> {
            if (done) {
                if (ar.succeeded()) ar.result().reset();
                return;
            }
            if (ar.failed()) {
                finish(TransportErrors.of(ar.cause()));
                return;
            }
            HttpClientRequest req = ar.result();
            inFlight = req;
            if (first) rec.markConnection(System.nanoTime(), client.connectedAt(req.connection()));
            req.headers().addAll(headers);
            req.exceptionHandler(t -> finish(TransportErrors.of(t)));
            req.response().onComplete(r -> onResponse(r, first, then));
            (body == null ? req.end() : req.end(body)).onSuccess(v -> {
                if (first && !done) rec.markSent(System.nanoTime());
            });
        });
    }

    private void onResponse(AsyncResult<HttpClientResponse> ar, boolean first, BiConsumer<Buffer, Long> then) {
        if (done) return;
        if (ar.failed()) {
            finish(TransportErrors.of(ar.cause()));
            return;
        }
        HttpClientResponse resp = ar.result();
        if (first) {
            rec.markAck(System.nanoTime());
            rec.setHttpStatus(resp.statusCode());
        }
        resp.exceptionHandler(t -> finish(TransportErrors.of(t)));
        resp.body().onComplete(b -> {
            if (done) return;
            long now = System.nanoTime();
            inFlight = null;
            if (b.failed()) {
                finish(TransportErrors.of(b.cause()));
            } else if (resp.statusCode() != 200) {
                Buffer body = b.result();
                String text = body.length() > MAX_ERROR_BODY ? body.getString(0, MAX_ERROR_BODY) : body.toString();
                finish(new ErrorInfo(resp.statusCode(), resp.statusMessage() == null ? "HTTP " + resp.statusCode() : resp.statusMessage(), text));
            } else {
                then.accept(b.result(), now);
            }
        });
    }

    private void onSubmitted(Buffer body, long now) {
        VideoJob job = VideoJob.parse(body.getBytes());
        if (job == null) {
            finish(new ErrorInfo(200, "VideoGenerationError", VideoJob.why(body.getBytes())));
            return;
        }
        pollUri = pollUri.replaceAll("/+$", "") + "/" + job.id();
        if (!react(job, now)) schedulePoll();
    }

    private void schedulePoll() {
        pollTimer = client.vertx().setTimer(POLL_MS, id -> {
            pollTimer = -1;
            if (!done) call(get(pollUri), getHeaders, null, false, this::onPolled);
        });
    }

    private void onPolled(Buffer body, long now) {
        VideoJob job = VideoJob.parse(body.getBytes());
        if (job == null) {
            finish(new ErrorInfo(200, "VideoGenerationError", VideoJob.why(body.getBytes())));
            return;
        }
        if (!react(job, now)) schedulePoll();
    }

    /** Acts on a job status; false when the job is still running. */
    private boolean react(VideoJob job, long now) {
        if (VideoJob.FAILED.equals(job.status())) {
            finish(new ErrorInfo(500, "VideoGenerationError", "Video generation failed: " + (job.error() == null ? "Unknown error" : job.error())));
            return true;
        }
        if (!VideoJob.COMPLETED.equals(job.status())) return false;
        rec.setVideoJob(job.inferenceSeconds(), job.peakMemoryMb());
        rec.addResultChunk(now, SourceStamp.NONE);
        if (!client.config().settings().downloadVideoContent()) {
            finish(null, now);
            return true;
        }
        String url = job.url() != null && (job.url().startsWith("http://") || job.url().startsWith("https://")) ? job.url() : null;
        RequestOptions content = url != null ? new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url) : get(pollUri + "/content");
        call(content, getHeaders, null, false, (bytes, end) -> {
            if (bytes.length() == 0) {
                finish(new ErrorInfo(500, "VideoDownloadError", "No content returned for video " + job.id()));
                return;
            }
            rec.addResultChunk(end, SourceStamp.NONE); // the download ends the request's latency
            finish(null, end);
        });
        return true;
    }

    private RequestOptions get(String uri) {
        return new RequestOptions(client.requestOptions(rec.urlIndex(), uri)).setMethod(HttpMethod.GET);
    }

    private void finish(ErrorInfo error) {
        finish(error, System.nanoTime());
    }

    private void finish(ErrorInfo error, long endNs) {
        if (done) return;
        done = true;
        if (timeoutTimer >= 0) client.vertx().cancelTimer(timeoutTimer);
        if (pollTimer >= 0) client.vertx().cancelTimer(pollTimer);
        if (error != null && rec.error() == null) rec.fail(error);
        rec.markEnd(endNs);
        client.completed();
        // in a next task: the connection returns to the pool after this handler (see Exchange.finishAfterRecycle)
        ctx.runOnContext(v -> client.runCompletion(onComplete, request.requestId()));
    }

    private void abort(ErrorInfo error) {
        if (done) return;
        finish(error);
        if (inFlight != null) inFlight.reset();
    }

    @Override
    public void cancel() {
        ctx.runOnContext(v -> {
            if (done) return;
            rec.cancel(System.nanoTime());
            finish(null, rec.cancellationPerfNs());
            if (inFlight != null) inFlight.reset();
        });
    }

    @Override
    public void abandon() {
        ctx.runOnContext(v -> {
            if (done) return;
            rec.setLateForGrace(true);
            abort(null);
        });
    }
}
