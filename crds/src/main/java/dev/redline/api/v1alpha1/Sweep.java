package dev.redline.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.SchemaSwap;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A sweep in the cluster: a Benchmark template and what varies across its cells, run as child
 * Benchmarks ({@code perCell}) or by one runner pod ({@code warmPool}); status rolls up every cell, the
 * best ones and the Pareto front, and the results ConfigMap holds the sweep aggregate.
 */
@Group(Benchmark.GROUP)
@Version(Benchmark.VERSION)
@Kind("Sweep")
@Plural("sweeps")
@Singular("sweep")
@ShortNames({"sw", "bmsweep"})
@Categories("redline")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Cells", jsonPath = ".status.progress", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Best Req/s", jsonPath = ".status.best.throughput.value", type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(name = "Best TTFT p99", jsonPath = ".status.best.ttftP99.value", type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
// Free-form values (numbers, strings, partial benchmarks): unpruned and untyped, as in Benchmark.
@SchemaSwap(originalType = EndpointSpec.class, fieldName = "extraInputs", targetType = com.fasterxml.jackson.databind.JsonNode.class)
@SchemaSwap(originalType = DatasetSpec.class, fieldName = "records", targetType = com.fasterxml.jackson.databind.JsonNode.class)
@SchemaSwap(originalType = SweepSpec.class, fieldName = "parameters", targetType = com.fasterxml.jackson.databind.JsonNode.class)
@SchemaSwap(originalType = SweepSpec.class, fieldName = "runs", targetType = com.fasterxml.jackson.databind.JsonNode.class)
@SchemaSwap(originalType = SamplingDimension.class, fieldName = "choices", targetType = com.fasterxml.jackson.databind.JsonNode.class)
@SchemaSwap(originalType = SweepCellStatus.class, fieldName = "values", targetType = com.fasterxml.jackson.databind.JsonNode.class)
public class Sweep extends CustomResource<SweepResourceSpec, SweepStatus> implements Namespaced {
    public static final String CRD_NAME = "sweeps." + Benchmark.GROUP;

    @Override
    protected SweepStatus initStatus() {
        return new SweepStatus();
    }
}
