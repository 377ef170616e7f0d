package dev.redline.runner.kube;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.RunnerSpec;
import dev.redline.runner.BadInputException;
import io.fabric8.kubernetes.api.model.Toleration;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * AIPerf's deployment flags of {@code kube profile|sweep|generate}, mapped onto {@code spec.runners} of the resource.
 * {@code --total-workers N} gives AIPerf's pod count, N / 10 (its workers per pod), unless {@code --runners} names
 * the pods directly: a Redline runner pod has no worker processes to count.
 */
public class DeployOptions {
    static final int AIPERF_WORKERS_PER_POD = 10;
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--name", paramLabel = "NAME", description = "Resource name (DNS label, at most 40 characters). Default: <model>-<endpoint>-<load>.")
    String name;

    @Option(names = "--image", paramLabel = "IMAGE", description = "Runner image. Default: the operator's configured runner image.")
    String image;

    @Option(names = "--image-pull-policy", paramLabel = "POLICY", description = "Always, IfNotPresent or Never.")
    String imagePullPolicy;

    @Option(names = "--total-workers", paramLabel = "N", description = "AIPerf's worker total: N / 10 runner pods, rounded up (--runners sets the pods directly).")
    Integer totalWorkers;

    @Option(names = "--node-selector", paramLabel = "KEY=VALUE", split = ",", description = "Node labels the runner pods must match (repeat, or a JSON object).")
    List<String> nodeSelector = new ArrayList<>();

    @Option(names = "--tolerations", paramLabel = "JSON", description = "Runner pod tolerations: a JSON object or array (repeat).")
    List<String> tolerations = new ArrayList<>();

    /** The name given, checked; null when not given. */
    String name() {
        if (name == null) return null;
        if (name.length() > 40 || !DNS_LABEL.matcher(name).matches()) {
            throw new BadInputException("--name " + name + ": must be a DNS label of at most 40 characters (lower-case letters, digits, '-')");
        }
        return name;
    }

    /** {@code spec.runners} from these flags and {@code --runners} (null when not given); null when nothing is set. */
    RunnerSpec runnerSpec(Integer runners) {
        RunnerSpec r = new RunnerSpec();
        boolean any = false;
        if (runners != null) {
            r.setReplicas(runners);
            any = true;
        } else if (totalWorkers != null) {
            if (totalWorkers < 1) throw new BadInputException("--total-workers: must be at least 1, got " + totalWorkers);
            r.setReplicas((totalWorkers + AIPERF_WORKERS_PER_POD - 1) / AIPERF_WORKERS_PER_POD);
            any = true;
        }
        if (image != null) {
            if (image.isBlank()) throw new BadInputException("--image: empty; give an image reference");
            r.setImage(image);
            any = true;
        }
        if (imagePullPolicy != null) {
            if (!List.of("Always", "IfNotPresent", "Never").contains(imagePullPolicy)) {
                throw new BadInputException("--image-pull-policy " + imagePullPolicy + ": use Always, IfNotPresent or Never");
            }
            r.setImagePullPolicy(imagePullPolicy);
            any = true;
        }
        Map<String, String> selector = nodeSelector();
        if (!selector.isEmpty()) {
            r.setNodeSelector(selector);
            any = true;
        }
        List<Toleration> tols = tolerations();
        if (!tols.isEmpty()) {
            r.setTolerations(tols);
            any = true;
        }
        return any ? r : null;
    }

    private Map<String, String> nodeSelector() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : nodeSelector) {
            String e = entry.trim();
            if (e.startsWith("{")) {
                try {
                    out.putAll(JSON.readValue(String.join(",", nodeSelector), new TypeReference<Map<String, String>>() { }));
                    return out;
                } catch (Exception ex) {
                    throw new BadInputException("--node-selector: not a JSON object of strings (" + firstLine(ex) + "); or give KEY=VALUE");
                }
            }
            int eq = e.indexOf('=');
            if (eq <= 0) throw new BadInputException("--node-selector " + e + ": give KEY=VALUE (e.g. nvidia.com/gpu.present=true)");
            out.put(e.substring(0, eq), e.substring(eq + 1));
        }
        return out;
    }

    private List<Toleration> tolerations() {
        List<Toleration> out = new ArrayList<>();
        for (String t : tolerations) {
            try {
                var node = JSON.readTree(t);
                if (node.isArray()) {
                    for (var n : node) out.add(JSON.treeToValue(n, Toleration.class));
                } else if (node.isObject()) {
                    out.add(JSON.treeToValue(node, Toleration.class));
                } else {
                    throw new BadInputException("--tolerations " + t + ": give a JSON object or array, e.g. {\"key\":\"nvidia.com/gpu\",\"operator\":\"Exists\"}");
                }
            } catch (BadInputException e) {
                throw e;
            } catch (Exception e) {
                throw new BadInputException("--tolerations " + t + ": not JSON (" + firstLine(e) + "); e.g. {\"key\":\"nvidia.com/gpu\",\"operator\":\"Exists\"}");
            }
        }
        return out;
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
