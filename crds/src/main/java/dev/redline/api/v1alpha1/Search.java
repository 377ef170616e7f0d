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
 * An adaptive search in the cluster: "the highest concurrency with TTFT p95 under 200 ms". The operator
 * runs one child Benchmark per iteration ({@code <search>-<n>}), chosen by the same planners as
 * {@code redline profile --search-*}; the children are the search's state.
 */
@Group(Benchmark.GROUP)
@Version(Benchmark.VERSION)
@Kind("Search")
@Plural("searches")
@Singular("search")
@ShortNames({"srch", "bmsearch"})
@Categories("redline")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Iterations", jsonPath = ".status.progress", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Best", jsonPath = ".status.best.objective", type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(name = "Knob", jsonPath = ".status.best.knob", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
@SchemaSwap(originalType = EndpointSpec.class, fieldName = "extraInputs", targetType = com.fasterxml.jackson.databind.JsonNode.class)
@SchemaSwap(originalType = DatasetSpec.class, fieldName = "records", targetType = com.fasterxml.jackson.databind.JsonNode.class)
public class Search extends CustomResource<SearchSpec, SearchStatus> implements Namespaced {
    public static final String CRD_NAME = "searches." + Benchmark.GROUP;

    @Override
    protected SearchStatus initStatus() {
        return new SearchStatus();
    }
}
