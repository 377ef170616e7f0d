package dev.redline.operator.children;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/** Metadata for a child: name, namespace, labels and the controller owner reference (garbage collection). */
public final class Owner {
    private Owner() { }

    /** {@code owner}: the Benchmark (or the Sweep of a warm pool) the child belongs to. */
    public static ObjectMeta meta(HasMetadata bm, String name, String component) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(bm.getMetadata().getNamespace())
                .withLabels(ChildLabels.forComponent(bm.getMetadata().getName(), component))
                .withOwnerReferences(reference(bm))
                .build();
    }

    /** Metadata of an object that belongs to one run: the run label too. */
    static ObjectMeta meta(HasMetadata bm, String name, String component, int run) {
        ObjectMeta meta = meta(bm, name, component);
        meta.setLabels(ChildLabels.forRun(bm.getMetadata().getName(), component, run));
        return meta;
    }

    public static OwnerReference reference(HasMetadata bm) {
        return new OwnerReferenceBuilder()
                .withApiVersion(bm.getApiVersion())
                .withKind(bm.getKind())
                .withName(bm.getMetadata().getName())
                .withUid(bm.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }
}
