package dev.redline.runner.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenAI/SGLang video generation as an async job: {@code POST /v1/videos} (multipart or JSON; a prompt is
 * required) answers a queued job at once; {@code GET /v1/videos/{id}} reports in_progress until the request's
 * ttft from the served plan has passed, then completed with the server figures AIPerf reads
 * ({@code inference_time_s}, {@code peak_memory_mb}); {@code GET /v1/videos/{id}/content} returns the MP4 bytes.
 * Unknown ids are 404, as a real server answers them.
 */
final class VideoJobs {
    /** Size of the clip the content endpoint returns: large enough that a download takes measurable time. */
    static final int CONTENT_BYTES = 256 * 1024;
    static final double PEAK_MEMORY_MB = 20480.5;

    private record Job(String id, String model, long createdNanos, long readyNanos) { }

    private final MockContext ctx;
    private final String pollRoute;
    private final String contentRoute;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final java.util.Set<String> reported = ConcurrentHashMap.newKeySet();
    private final byte[] content;

    private VideoJobs(MockContext ctx, String path) {
        this.ctx = ctx;
        this.pollRoute = path + "/{id}";
        this.contentRoute = path + "/{id}/content";
        this.content = new byte[CONTENT_BYTES];
        byte[] head = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}; // an ISO-BMFF (mp4) file type box
        System.arraycopy(head, 0, content, 0, head.length);
    }

    static void register(MockRouter router, MockContext ctx, String path) {
        VideoJobs jobs = new VideoJobs(ctx, path);
        router.add(HttpMethod.POST, path, jobs.new Submit());
        router.add(HttpMethod.GET, jobs.pollRoute, jobs::poll);
        router.add(HttpMethod.GET, jobs.contentRoute, jobs::content);
    }

    /** The submission: checked like a real server (a prompt), answered with the queued job. */
    final class Submit extends InferenceHandler {
        Submit() {
            super(VideoJobs.this.ctx);
        }

        @Override
        protected InferenceRequest parse(HttpServerRequest request, Buffer body) throws InferenceRequest.BadRequest {
            String type = request.getHeader("Content-Type");
            if (type != null && type.toLowerCase().startsWith("multipart/form-data")) {
                MultipartForm form = MultipartForm.parse(request, body);
                return new InferenceRequest(form.fields.getOrDefault("model", ctx.defaultModel), false, false, -1,
                        form.require("prompt"), List.of());
            }
            JsonNode root = InferenceRequest.json(body);
            if (!root.path("prompt").isTextual() || root.get("prompt").asText().isEmpty()) {
                throw new InferenceRequest.BadRequest("prompt: Field required (a non-empty string)");
            }
            return new InferenceRequest(InferenceRequest.model(root, ctx.defaultModel), false, false, -1, root.get("prompt").asText(), List.of());
        }

        @Override
        protected void serve(HttpServerResponse response, InferenceRequest req, long index, long received, ResponseFault fault) {
            Job job = new Job("video_mock_" + index, req.model, received, received + ctx.plan.ttftNanos(index));
            jobs.put(job.id(), job);
            ctx.metrics.started(ctx.metrics.model(req.model), ctx.promptTokens.applyAsInt(req.promptText));
            fault.sendWhole(response, json(job, "queued", 0, System.nanoTime()));
        }
    }

    private void poll(HttpServerRequest request) {
        String id = MockRouter.segment(pollRoute, request.path());
        Job job = id == null ? null : jobs.get(id);
        if (job == null) {
            ErrorResponses.send(request.response(), 404, "NotFoundError", "Video not found: " + request.path());
            return;
        }
        long now = System.nanoTime();
        if (now < job.readyNanos()) {
            int progress = (int) (100 * (now - job.createdNanos()) / Math.max(1, job.readyNanos() - job.createdNanos()));
            send(request.response(), json(job, "in_progress", Math.min(99, progress), now));
            return;
        }
        if (reported.add(job.id())) ctx.metrics.finished(ctx.metrics.model(job.model()), true, -1, (now - job.createdNanos()) / 1e9);
        send(request.response(), json(job, "completed", 100, now));
    }

    private void content(HttpServerRequest request) {
        String path = request.path();
        String id = MockRouter.segment(contentRoute, path);
        Job job = id == null ? null : jobs.get(id);
        if (job == null || System.nanoTime() < job.readyNanos()) {
            ErrorResponses.send(request.response(), 404, "NotFoundError", "No content for " + path);
            return;
        }
        ctx.videoDownloads.increment();
        request.response().putHeader("Content-Type", "video/mp4").end(Buffer.buffer(content));
    }

    private static void send(HttpServerResponse response, String body) {
        response.putHeader("Content-Type", "application/json").end(body);
    }

    /** The job in OpenAI's video object shape, with SGLang's server figures once completed. */
    private static String json(Job job, String status, int progress, long now) {
        StringBuilder b = new StringBuilder("{\"id\":\"").append(job.id()).append("\",\"object\":\"video\",\"model\":")
                .append(JsonText.quote(job.model())).append(",\"status\":\"").append(status).append("\",\"progress\":").append(progress)
                .append(",\"created_at\":").append(System.currentTimeMillis() / 1000).append(",\"size\":\"1280x720\",\"seconds\":\"4\"");
        if ("completed".equals(status)) {
            b.append(",\"completed_at\":").append(System.currentTimeMillis() / 1000)
                    .append(",\"inference_time_s\":").append((job.readyNanos() - job.createdNanos()) / 1e9)
                    .append(",\"peak_memory_mb\":").append(PEAK_MEMORY_MB);
        }
        return b.append('}').toString();
    }
}
