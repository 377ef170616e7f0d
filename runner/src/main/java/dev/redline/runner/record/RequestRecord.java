package dev.redline.runner.record;

import java.util.Arrays;

/**
 * Everything observed about one request/response exchange. Filled by the client on its event loop
 * (single writer, no locks), then handed to record processing, which counts output tokens off the loop
 * and feeds the metrics. All {@code *PerfNs} values are {@link System#nanoTime()} readings; the only
 * wall-clock value is {@link #startWallNs}, used for run-level start/end and exports.
 *
 * <p>Content chunks are the SSE events (or the single non-streaming body) that carried non-empty
 * output or reasoning text; only they are timestamped (AIPerf's "content responses").
 */
public final class RequestRecord {
    /** Which phase produced the record; warmup records never reach the profiling results. */
    public enum Phase { WARMUP, PROFILING }

    // --- identity (set by the scheduler before sending)
    private final long requestIndex;
    private final Phase phase;
    private long sessionNum;
    private int turnIndex;
    private String conversationId;
    private String xRequestId;
    private String xCorrelationId;
    private String model;
    private int workerId;
    private int urlIndex;              // which of several server URLs it went to (0 with one URL)

    // --- timing
    private long intendedSendPerfNs;   // when the schedule wanted it sent (credit time); CO-aware latency base
    private long startPerfNs;          // immediately before the request is handed to the transport
    private long startWallNs;          // epoch ns taken at the same moment as startPerfNs
    private long ackPerfNs;            // response headers received
    private long connectionPerfNs;     // the pool handed the request a connection (HTTP trace)
    private long connectedPerfNs;      // that connection's connect completed; 0 when it was reused
    private long sentPerfNs;           // request fully written to the connection (HTTP trace)
    private long endPerfNs;            // body/stream fully consumed, or error/cancel
    private long[] chunkPerfNs = new long[16];
    private long[] chunkSentNs;        // the server's send stamp of each chunk (SourceStamp), 0 = none; null until one
    private long serverReceivedNs;     // the server's stamp of when it received the request, 0 = none
    private int chunkCount;
    private int firstOutputChunk = -1; // index of the first chunk with non-reasoning content (TTFO)

    // --- content (dropped after token counting to bound memory)
    private StringBuilder outputText;
    private StringBuilder reasoningText;

    // --- tokens
    private int inputTokens;
    private int inputImages;           // image parts in the request (AIPerf's num_images)
    private boolean imagesGenerated;   // the endpoint produces images: num_images counts those instead
    private double videoInferenceSeconds = Double.NaN; // a video job's server figures (inference_time_s, peak_memory_mb)
    private double videoPeakMemoryMb = Double.NaN;
    private double inputAudioSeconds;  // length of the request's audio (AIPerf's audio_duration), 0 when none
    private Integer requestedMaxTokens;
    private int outputTokens = -1;
    private int reasoningTokens = -1;
    private Usage usage;
    private int generatedItems;        // images (and other non-text results) the response produced
    private SpecDecodeStats specDecodeStats; // vLLM's per-request spec-decode object as sent; null: none
    private int specDecodeDocs;        // documents that carried one (more than one: n > 1, not attributable)
    private SpecDecodeAcceptance specDecode; // the checked acceptance record, set in record processing

    // --- outcome
    private int httpStatus;
    private ErrorInfo error;
    private boolean cancelled;
    private long cancellationPerfNs;
    private boolean lateForGrace;      // completed after the phase's grace period: reported, never counted

    public RequestRecord(long requestIndex, Phase phase) {
        this.requestIndex = requestIndex;
        this.phase = phase;
    }

    // ---------------------------------------------------------------- recording (client side)

    /** Stamps the send: call immediately before the request is handed to the HTTP transport. */
    public void markStart(long perfNs, long wallNs) {
        this.startPerfNs = perfNs;
        this.startWallNs = wallNs;
    }

    public void markAck(long perfNs) { this.ackPerfNs = perfNs; }

    /**
     * HTTP trace: the pool handed the request a connection at {@code perfNs}; {@code connectedPerfNs} is
     * when that connection was established, or 0 when it had served requests before (reused).
     */
    public void markConnection(long perfNs, long connectedPerfNs) {
        this.connectionPerfNs = perfNs;
        this.connectedPerfNs = connectedPerfNs;
    }

    /** HTTP trace: the request (headers and body) has been written to the connection. */
    public void markSent(long perfNs) { this.sentPerfNs = perfNs; }

    public void markEnd(long perfNs) { this.endPerfNs = perfNs; }

    /**
     * Records one content chunk.
     *
     * @param perfNs    arrival of the chunk's first byte
     * @param content   non-reasoning text of the chunk (may be null/empty)
     * @param reasoning reasoning text of the chunk (may be null/empty)
     * @return false if the chunk carried no content (and was not recorded)
     */
    public boolean addContentChunk(long perfNs, CharSequence content, CharSequence reasoning) {
        return addContentChunk(perfNs, 0, content, reasoning);
    }

    /**
     * As {@link #addContentChunk(long, CharSequence, CharSequence)}, with the server's own send time of the
     * chunk ({@code sentNs}, the same clock; 0 when the server gave none).
     */
    public boolean addContentChunk(long perfNs, long sentNs, CharSequence content, CharSequence reasoning) {
        boolean hasContent = content != null && content.length() > 0;
        boolean hasReasoning = reasoning != null && reasoning.length() > 0;
        if (!hasContent && !hasReasoning) return false;
        if (chunkCount == chunkPerfNs.length) chunkPerfNs = Arrays.copyOf(chunkPerfNs, chunkCount * 2);
        if (hasContent) {
            if (firstOutputChunk < 0) firstOutputChunk = chunkCount;
            if (outputText == null) outputText = new StringBuilder(256);
            outputText.append(content);
        }
        if (hasReasoning) {
            if (reasoningText == null) reasoningText = new StringBuilder(256);
            reasoningText.append(reasoning);
        }
        stampChunk(sentNs);
        chunkPerfNs[chunkCount++] = perfNs;
        return true;
    }

    private void stampChunk(long sentNs) {
        if (sentNs == 0 && chunkSentNs == null) return;
        if (chunkSentNs == null) chunkSentNs = new long[chunkPerfNs.length];
        else if (chunkSentNs.length < chunkPerfNs.length) chunkSentNs = Arrays.copyOf(chunkSentNs, chunkPerfNs.length);
        chunkSentNs[chunkCount] = sentNs;
    }

    /**
     * Records a response that carries no text but is a valid result (embeddings): counted as one chunk
     * for validity and latency, with nothing added to the output text.
     */
    public void addResultChunk(long perfNs, long sentNs) {
        if (chunkCount == chunkPerfNs.length) chunkPerfNs = Arrays.copyOf(chunkPerfNs, chunkCount * 2);
        stampChunk(sentNs);
        chunkPerfNs[chunkCount++] = perfNs;
    }

    /** The server's stamp of when it received this request ({@code SourceStamp}, the client's clock), 0 = none. */
    public void setServerReceivedNs(long ns) { this.serverReceivedNs = ns; }

    public long serverReceivedNs() { return serverReceivedNs; }

    /** The server's send stamp of chunk {@code i}, or 0 when it gave none. */
    public long chunkSentNs(int i) { return chunkSentNs == null ? 0 : chunkSentNs[i]; }

    /** Adds {@code n} generated non-text items (images: AIPerf's num_images). */
    public void addGeneratedItems(int n) { this.generatedItems += n; }

    public int generatedItems() { return generatedItems; }

    /** Keeps a document's spec-decode object (client side); a second one makes the request's unattributable. */
    public void addSpecDecodeStats(SpecDecodeStats stats) {
        specDecodeDocs++;
        specDecodeStats = stats;
    }

    /** The response's spec-decode object when exactly one document carried one (AIPerf's rule), else null. */
    public SpecDecodeStats specDecodeStats() { return specDecodeDocs == 1 ? specDecodeStats : null; }

    /** The checked acceptance record (AIPerf's spec_decode_acceptance), or null: no metrics for this request. */
    public SpecDecodeAcceptance specDecode() { return specDecode; }

    public void setSpecDecode(SpecDecodeAcceptance acceptance) { this.specDecode = acceptance; }

    public void fail(ErrorInfo error) { this.error = error; }

    public void cancel(long perfNs) {
        this.cancelled = true;
        this.cancellationPerfNs = perfNs;
        this.error = ErrorInfo.cancelled();
    }

    // ---------------------------------------------------------------- derived

    /** Valid = no error, at least one content chunk, sane timestamps (AIPerf §1.2). */
    public boolean isValid() {
        if (error != null || chunkCount == 0 || startPerfNs <= 0 || endPerfNs < startPerfNs) return false;
        return chunkPerfNs[0] >= startPerfNs;
    }

    public boolean isError() { return error != null; }

    public long firstChunkPerfNs() { return chunkCount == 0 ? 0 : chunkPerfNs[0]; }

    public long lastChunkPerfNs() { return chunkCount == 0 ? 0 : chunkPerfNs[chunkCount - 1]; }

    /** Output sequence length = output + reasoning tokens (missing counts as 0); -1 before counting. */
    public int outputSequenceLength() {
        if (outputTokens < 0 && reasoningTokens < 0) return -1;
        return Math.max(outputTokens, 0) + Math.max(reasoningTokens, 0);
    }

    /** Frees the response text once tokens are counted; the record keeps only numbers afterwards. */
    public void dropText() {
        outputText = null;
        reasoningText = null;
    }

    // ---------------------------------------------------------------- accessors

    public long requestIndex() { return requestIndex; }
    public Phase phase() { return phase; }
    public long sessionNum() { return sessionNum; }
    public void setSessionNum(long sessionNum) { this.sessionNum = sessionNum; }
    public int turnIndex() { return turnIndex; }
    public void setTurnIndex(int turnIndex) { this.turnIndex = turnIndex; }
    public String conversationId() { return conversationId; }
    public void setConversationId(String conversationId) { this.conversationId = conversationId; }
    public String xRequestId() { return xRequestId; }
    public void setXRequestId(String xRequestId) { this.xRequestId = xRequestId; }
    public String xCorrelationId() { return xCorrelationId; }
    public void setXCorrelationId(String xCorrelationId) { this.xCorrelationId = xCorrelationId; }
    public String model() { return model; }
    public void setModel(String model) { this.model = model; }
    public int urlIndex() { return urlIndex; }
    public void setUrlIndex(int urlIndex) { this.urlIndex = urlIndex; }
    public int workerId() { return workerId; }
    public void setWorkerId(int workerId) { this.workerId = workerId; }
    public long intendedSendPerfNs() { return intendedSendPerfNs; }
    public void setIntendedSendPerfNs(long intendedSendPerfNs) { this.intendedSendPerfNs = intendedSendPerfNs; }
    public long startPerfNs() { return startPerfNs; }
    public long startWallNs() { return startWallNs; }
    public long ackPerfNs() { return ackPerfNs; }
    public long endPerfNs() { return endPerfNs; }
    public long connectionPerfNs() { return connectionPerfNs; }
    public long connectedPerfNs() { return connectedPerfNs; }
    public long sentPerfNs() { return sentPerfNs; }
    public int chunkCount() { return chunkCount; }
    public long chunkPerfNs(int i) { return chunkPerfNs[i]; }
    public int firstOutputChunk() { return firstOutputChunk; }
    public String outputText() { return outputText == null ? "" : outputText.toString(); }
    public String reasoningText() { return reasoningText == null ? "" : reasoningText.toString(); }
    public int outputTextLength() { return outputText == null ? 0 : outputText.length(); }
    public int reasoningTextLength() { return reasoningText == null ? 0 : reasoningText.length(); }
    public int inputTokens() { return inputTokens; }
    public void setInputTokens(int inputTokens) { this.inputTokens = inputTokens; }
    public int inputImages() { return inputImages; }
    public double inputAudioSeconds() { return inputAudioSeconds; }

    /**
     * The request's media sizes: image parts sent and seconds of audio; {@code imagesGenerated} when the endpoint
     * type produces images, so that {@link #images()} counts the response's.
     */
    public void setInputMedia(int images, double audioSeconds, boolean imagesGenerated) {
        this.inputImages = images;
        this.inputAudioSeconds = audioSeconds;
        this.imagesGenerated = imagesGenerated;
    }

    /** A completed video job's own figures (NaN when the server gives none). */
    public void setVideoJob(double inferenceSeconds, double peakMemoryMb) {
        this.videoInferenceSeconds = inferenceSeconds;
        this.videoPeakMemoryMb = peakMemoryMb;
    }

    public double videoInferenceSeconds() { return videoInferenceSeconds; }
    public double videoPeakMemoryMb() { return videoPeakMemoryMb; }

    /** The images num_images counts: generated ones for image-producing types, else the request's image parts. */
    public int images() { return imagesGenerated ? generatedItems : inputImages; }
    public Integer requestedMaxTokens() { return requestedMaxTokens; }
    public void setRequestedMaxTokens(Integer requestedMaxTokens) { this.requestedMaxTokens = requestedMaxTokens; }
    public int outputTokens() { return outputTokens; }
    public void setOutputTokens(int outputTokens) { this.outputTokens = outputTokens; }
    public int reasoningTokens() { return reasoningTokens; }
    public void setReasoningTokens(int reasoningTokens) { this.reasoningTokens = reasoningTokens; }
    public Usage usage() { return usage; }
    public void setUsage(Usage usage) { this.usage = usage; }
    public int httpStatus() { return httpStatus; }
    public void setHttpStatus(int httpStatus) { this.httpStatus = httpStatus; }
    public ErrorInfo error() { return error; }
    public boolean cancelled() { return cancelled; }
    public long cancellationPerfNs() { return cancellationPerfNs; }
    public boolean lateForGrace() { return lateForGrace; }
    public void setLateForGrace(boolean lateForGrace) { this.lateForGrace = lateForGrace; }
}
