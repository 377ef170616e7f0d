package dev.redline.runner.mock.engine;

/**
 * The closed-form steady state of a closed loop on the simulated engine (see {@link EngineOracle#steadyState}).
 *
 * @param batch                 sequences in the running batch, min(concurrency, max-num-seqs)
 * @param cycleSteps            steps one request occupies a batch slot: 1 prefill + (osl - 1) decodes, plus one empty
 *                              step while the client's next request arrives when no request is queued
 * @param stepMs                mean step time: the ITL when prefills are spread evenly over the steps (requests
 *                              that prefill together in a cohort decode in steps without prefill, so their ITL is
 *                              lower and their TTFT higher)
 * @param requestThroughput     requests per second
 * @param outputTokenThroughput output tokens per second
 * @param kvLimited             the batch's KV need exceeds {@code --kv-cache-tokens}: the real engine runs a smaller
 *                              batch (or preempts), so the formula overestimates; simulate instead
 */
public record SteadyState(int batch, int cycleSteps, double stepMs, double requestThroughput,
                          double outputTokenThroughput, boolean kvLimited) {}
