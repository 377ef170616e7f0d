package dev.redline.runner.kube;

import dev.redline.api.config.ConfigEnvelope;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkResourceSpec;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.RunnerSpec;
import dev.redline.api.v1alpha1.Search;
import dev.redline.api.v1alpha1.SearchSpec;
import dev.redline.api.v1alpha1.Sweep;
import dev.redline.api.v1alpha1.SweepResourceSpec;
import dev.redline.runner.cli.ClusterEnvelope;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.Locale;

/**
 * The resource a {@code kube} command submits for an envelope: a Benchmark for one run, a Sweep for a sweep or
 * several runs (AIPerf's AIPerfSweep), a Search for a search or a recipe. The benchmark becomes the resource's spec
 * (or its {@code template}) unchanged, so the operator runs what {@code redline profile} would run.
 */
public final class KubeManifest {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private KubeManifest() { }

    public static HasMetadata build(ClusterEnvelope ce, DeployOptions deploy, String namespace) {
        ConfigEnvelope env = ce.env();
        BenchmarkResourceSpec template = SpecReader.mapper().convertValue(env.benchmark(), BenchmarkResourceSpec.class);
        if (template.getRandomSeed() == null && env.getRandomSeed() != null) template.setRandomSeed(env.getRandomSeed());
        RunnerSpec runners = deploy.runnerSpec(ce.runners());
        if (runners != null) {
            template.setRunners(runners);
            checkRunners(template);
        }
        String given = deploy.name();
        HasMetadata resource;
        if (ce.isSearch()) {
            SearchSpec spec = new SearchSpec();
            spec.setTemplate(template);
            spec.setSearch(env.getSearch());
            spec.setRecipe(ce.recipe());
            Search s = new Search();
            s.setSpec(spec);
            resource = s;
        } else if (ce.isSweep()) {
            SweepResourceSpec spec = new SweepResourceSpec();
            spec.setTemplate(template);
            spec.setSweep(env.getSweep());
            spec.setMultiRun(env.getMultiRun());
            Sweep s = new Sweep();
            s.setSpec(spec);
            resource = s;
        } else {
            Benchmark b = new Benchmark();
            b.setSpec(template);
            resource = b;
        }
        String name = given != null ? given : defaultName(env.benchmark(), resource instanceof Benchmark ? "" : resource.getKind().toLowerCase(Locale.ROOT));
        resource.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        return resource;
    }

    /** The runner rules the operator applies (reserved labels, env names, ...), as one line naming the flag. */
    static void checkRunners(BenchmarkResourceSpec template) {
        for (dev.redline.api.validate.Violation v : dev.redline.api.validate.SpecValidator.validate(template)) {
            if (!v.path().startsWith("runners")) continue;
            String field = v.path().replaceFirst("^runners\\.?", "").replaceFirst("[.\\[].*$", "");
            throw new dev.redline.runner.BadInputException(DeployOptions.FLAGS.getOrDefault(field, "runners." + field) + ": " + v.message());
        }
    }

    /** A manifest read from a file with the deployment flags ({@code --name}, {@code --image}, ...) applied over its runners. */
    static void applyDeploy(HasMetadata resource, DeployOptions deploy, Integer runners) {
        String name = deploy.name();
        if (name != null) resource.getMetadata().setName(name);
        RunnerSpec given = deploy.runnerSpec(runners);
        BenchmarkResourceSpec template = KubeResourceFile.template(resource);
        if (given == null || template == null) return;
        if (template.getRunners() == null) {
            template.setRunners(given);
            checkRunners(template);
            return;
        }
        var merged = (com.fasterxml.jackson.databind.node.ObjectNode) SpecReader.mapper().valueToTree(template.getRunners());
        merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) SpecReader.mapper().valueToTree(given));
        template.setRunners(SpecReader.mapper().convertValue(merged, RunnerSpec.class));
        checkRunners(template);
    }

    /** AIPerf's generated name: {@code <model>-<endpoint>-<load>[-suffix]}, lower-case, [a-z0-9-], at most 40 characters. */
    static String defaultName(BenchmarkSpec spec, String suffix) {
        String model = spec.getModels() == null || spec.getModels().isEmpty() ? "model" : spec.getModels().get(0);
        model = model.substring(model.lastIndexOf('/') + 1);
        String load = spec.phases().stream().filter(p -> p.resolvedKind() == dev.redline.api.v1alpha1.PhaseKind.PROFILING)
                .findFirst().map(p -> p.resolvedType().name()).orElse("concurrency");
        String raw = String.join("-", model, spec.endpoint().resolvedType().wireName(), load) + (suffix.isEmpty() ? "" : "-" + suffix);
        String name = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("-+", "-");
        if (name.length() > 40) name = name.substring(0, 40);
        name = name.replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "benchmark" : name;
    }

    /** The resource and, when its benchmark names local files, their ConfigMap as a second document (for kubectl apply -f). */
    public static String yaml(HasMetadata resource, io.fabric8.kubernetes.api.model.ConfigMap files) {
        if (files == null) return yaml(resource);
        String first = yaml(resource);
        return first + (first.endsWith("\n") ? "" : "\n") + "---\n" + dev.redline.runner.config.ResolvedConfig.yaml(tree(files));
    }

    /** The resource, or with a files ConfigMap a v1 List of both (what kubectl apply -f takes as one JSON document). */
    public static String json(HasMetadata resource, io.fabric8.kubernetes.api.model.ConfigMap files) {
        if (files == null) return json(resource);
        com.fasterxml.jackson.databind.node.ObjectNode list = SpecReader.mapper().createObjectNode();
        list.put("apiVersion", "v1");
        list.put("kind", "List");
        list.putArray("items").add(tree(resource)).add(tree(files));
        return list.toPrettyString();
    }

    /** The resource as YAML without a status (a manifest to apply). */
    public static String yaml(HasMetadata resource) {
        return dev.redline.runner.config.ResolvedConfig.yaml(tree(resource));
    }

    /** The resource as indented JSON without a status (AIPerf's --dry-run output). */
    public static String json(HasMetadata resource) {
        return tree(resource).toPrettyString();
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode tree(HasMetadata resource) {
        com.fasterxml.jackson.databind.node.ObjectNode tree = SpecReader.mapper().valueToTree(SERIALIZATION.convertValue(resource, java.util.Map.class));
        tree.remove("status");
        return tree;
    }
}
