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
 * One benchmark run in the cluster: {@code kubectl apply} it, then
 * {@code kubectl wait --for=condition=Complete benchmark/<name>}. The operator turns it into runner
 * pods and mirrors their summary into {@link BenchmarkStatus#getResults()}.
 */
@Group(Benchmark.GROUP)
@Version(Benchmark.VERSION)
@Kind("Benchmark")
@Plural("benchmarks")
@Singular("benchmark")
@ShortNames("bm")
@Categories("redline")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Model", jsonPath = ".spec.models[0]", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Load", jsonPath = ".status.load", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Req/s", jsonPath = ".status.results.requestThroughput", type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(name = "TTFT p99", jsonPath = ".status.results.timeToFirstToken.p99", type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
// Free-form maps hold any JSON value (numbers, strings, nested objects): keep them unpruned and untyped.
@SchemaSwap(originalType = EndpointSpec.class, fieldName = "extraInputs", targetType = com.fasterxml.jackson.databind.JsonNode.class)
@SchemaSwap(originalType = DatasetSpec.class, fieldName = "records", targetType = com.fasterxml.jackson.databind.JsonNode.class)
public class Benchmark extends CustomResource<BenchmarkResourceSpec, BenchmarkStatus> implements Namespaced {
    public static final String GROUP = "redline.dev";
    public static final String VERSION = "v1alpha1";
    public static final String CRD_NAME = "benchmarks." + GROUP;

    /** Overridden only to mark spec required in the schema: a Benchmark without one is rejected at admission. */
    @Override
    @io.fabric8.generator.annotation.Required
    public BenchmarkResourceSpec getSpec() {
        return super.getSpec();
    }

    @Override
    protected BenchmarkStatus initStatus() {
        return new BenchmarkStatus();
    }
}
