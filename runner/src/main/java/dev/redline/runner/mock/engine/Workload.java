package dev.redline.runner.mock.engine;

/**
 * The load {@link EngineOracle} puts on the simulated engine, shaped like a {@code redline profile} run of synthetic
 * prompts.
 *
 * @param isl            prompt tokens of every request after its shared prefix (as the mock counts them:
 *                       o200k_base, the tokenizer {@code redline profile} uses for {@code mock-model})
 * @param osl            output tokens of every request ({@code --osl}, sent as max_tokens)
 * @param requests       requests measured ({@code --request-count})
 * @param datasetEntries distinct prompts, used in turn: request i sends prompt i mod entries
 *                       ({@code --num-dataset-entries}; Redline's default is 100). A prompt sent again is a
 *                       prefix-cache hit on all its full blocks while it is still cached
 * @param prefixPrompts  shared prefixes ({@code --num-prefix-prompts}); 0 = none. Prompt entry e starts with
 *                       prefix e mod prefixPrompts
 * @param prefixLength   tokens of each shared prefix ({@code --prefix-prompt-length}), added to the ISL as Redline
 *                       does
 * @param clientGapMs    closed loop: time from a response's last token to the client's next request reaching the
 *                       engine, and the spacing of the first requests at the start. Any value well below one step
 *                       gives nearly the same answer
 */
public record Workload(int isl, int osl, int requests, int datasetEntries, int prefixPrompts, int prefixLength,
                       double clientGapMs) {
    /** Redline's default number of dataset entries. */
    public static final int DEFAULT_DATASET_ENTRIES = 100;
    public static final double DEFAULT_CLIENT_GAP_MS = 0.5;

    public Workload {
        if (isl < 1 || osl < 1 || requests < 1 || datasetEntries < 1) {
            throw new IllegalArgumentException("isl, osl, requests and datasetEntries must be >= 1, were " + isl + ", " + osl
                    + ", " + requests + ", " + datasetEntries);
        }
        if (prefixPrompts < 0 || prefixLength < 0 || (prefixPrompts > 0) != (prefixLength > 0)) {
            throw new IllegalArgumentException("prefixPrompts and prefixLength must be >= 0 and both set or both 0, were "
                    + prefixPrompts + ", " + prefixLength);
        }
        if (!(clientGapMs >= 0) || Double.isInfinite(clientGapMs)) {
            throw new IllegalArgumentException("clientGapMs must be a finite number >= 0, was " + clientGapMs);
        }
    }

    /** {@code requests} requests of {@code isl} / {@code osl} tokens over Redline's default 100 distinct prompts. */
    public static Workload of(int isl, int osl, int requests) {
        return new Workload(isl, osl, requests, DEFAULT_DATASET_ENTRIES, 0, 0, DEFAULT_CLIENT_GAP_MS);
    }

    public Workload withDatasetEntries(int entries) {
        return new Workload(isl, osl, requests, entries, prefixPrompts, prefixLength, clientGapMs);
    }

    /** Every request a prompt of its own (no prefix-cache hits unless shared prefixes are given). */
    public Workload withDistinctPrompts() {
        return withDatasetEntries(requests);
    }

    public Workload withPrefix(int prompts, int length) {
        return new Workload(isl, osl, requests, datasetEntries, prompts, length, clientGapMs);
    }

    public Workload withRequests(int n) {
        return new Workload(isl, osl, n, datasetEntries, prefixPrompts, prefixLength, clientGapMs);
    }

    public Workload withClientGapMs(double ms) {
        return new Workload(isl, osl, requests, datasetEntries, prefixPrompts, prefixLength, ms);
    }

    /** Prompt tokens of every request: the shared prefix (if any) plus the ISL. */
    public int promptTokens() {
        return prefixLength + isl;
    }

    /** Block hashes of prompt {@code entry} (block size {@code blockSize}): its prefix's blocks, then its own. */
    long[] blockHashes(int entry, int blockSize) {
        int all = promptTokens() / blockSize;
        long[] own = BlockHashes.synthetic(0x5EED, entry, all);
        if (prefixPrompts == 0) return own;
        long[] prefix = BlockHashes.synthetic(0x9F1C, entry % prefixPrompts, prefixLength / blockSize);
        System.arraycopy(prefix, 0, own, 0, prefix.length);
        return own;
    }
}
