package dev.redline.operator.children;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runner resources with CPU request = limit (a throttled load generator adds jitter to every
 * timestamp) and a memory limit; whichever of request or limit is given fills the other.
 */
public final class RunnerResources {
    static final Quantity DEFAULT_CPU = new Quantity("2");
    static final Quantity DEFAULT_MEMORY = new Quantity("2Gi");

    private RunnerResources() { }

    public static ResourceRequirements resolve(ResourceRequirements given) {
        Map<String, Quantity> requests = new LinkedHashMap<>(given == null || given.getRequests() == null ? Map.of() : given.getRequests());
        Map<String, Quantity> limits = new LinkedHashMap<>(given == null || given.getLimits() == null ? Map.of() : given.getLimits());
        pin("cpu", DEFAULT_CPU, requests, limits);
        pin("memory", DEFAULT_MEMORY, requests, limits);
        return new ResourceRequirementsBuilder().withRequests(requests).withLimits(limits).build();
    }

    private static void pin(String resource, Quantity fallback, Map<String, Quantity> requests, Map<String, Quantity> limits) {
        Quantity value = requests.getOrDefault(resource, limits.getOrDefault(resource, fallback));
        requests.put(resource, value);
        if ("cpu".equals(resource) || !limits.containsKey(resource)) limits.put(resource, value);
    }

    /** A one-line problem when the CPU request and limit are both set and differ, else null. */
    public static String cpuMismatch(ResourceRequirements given) {
        if (given == null || given.getRequests() == null || given.getLimits() == null) return null;
        Quantity request = given.getRequests().get("cpu");
        Quantity limit = given.getLimits().get("cpu");
        if (request == null || limit == null) return null;
        if (Quantity.getAmountInBytes(request).compareTo(Quantity.getAmountInBytes(limit)) == 0) return null;
        return "CPU request " + request + " and limit " + limit + " differ; runners need request = limit, so set only one of them";
    }
}
