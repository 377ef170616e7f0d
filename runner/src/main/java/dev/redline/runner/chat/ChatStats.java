package dev.redline.runner.chat;

import dev.redline.runner.metrics.MetricValue;
import dev.redline.runner.metrics.types.InputSequenceLengthMetric;
import dev.redline.runner.metrics.types.InterTokenLatencyMetric;
import dev.redline.runner.metrics.types.OutputSequenceLengthMetric;
import dev.redline.runner.metrics.types.RequestLatencyMetric;
import dev.redline.runner.metrics.types.TimeToFirstTokenMetric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The stats block after each chat reply, in AIPerf chat's lines: TTFT, TPS, then ITL and the prompt cache when known. */
public final class ChatStats {
    private ChatStats() { }

    public static String format(ChatSession.Reply reply) {
        Map<String, MetricValue> m = reply.metrics();
        Double ttft = value(m, TimeToFirstTokenMetric.TAG);
        Double latencyMs = value(m, RequestLatencyMetric.TAG);
        Double osl = value(m, OutputSequenceLengthMetric.TAG);
        if (ttft == null || latencyMs == null || osl == null || osl == 0) return "(no tokens received)";
        double seconds = latencyMs / 1000;
        double tps = seconds > 0 ? osl / seconds : 0;
        String tokens = (long) (double) osl + " tokens" + (reply.reasoningTokens() > 0 ? ", " + reply.reasoningTokens() + " reasoning" : "");
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "TTFT: %.2f ms", ttft));
        lines.add(String.format(Locale.ROOT, "TPS:  %.2f tokens/s (%s in %.2fs)", tps, tokens, seconds));
        Double itl = value(m, InterTokenLatencyMetric.TAG);
        if (itl != null && itl > 0) {
            lines.add(String.format(Locale.ROOT, "ITL:  %.2f ms/token (decode %.2f tokens/s)", itl, 1000 / itl));
        }
        Double isl = value(m, InputSequenceLengthMetric.TAG);
        if (isl != null && isl > 0 && reply.cachedPromptTokens() >= 0) {
            lines.add(String.format(Locale.ROOT, "Cache: %d/%d prompt tokens cached (%.1f%%)", reply.cachedPromptTokens(),
                    (long) (double) isl, 100.0 * reply.cachedPromptTokens() / isl));
        }
        return String.join("\n", lines);
    }

    private static Double value(Map<String, MetricValue> m, String tag) {
        MetricValue v = m.get(tag);
        return v == null || v.isList() || Double.isNaN(v.value()) ? null : v.value();
    }
}
