package dev.redline.operator.children;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.RunnerSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;

/**
 * The runner pods' identity: they may read and write exactly one object, the results ConfigMap. With
 * {@code runners.colocateWith} they may also get and list pods in the Benchmark's namespace, to find the
 * model server's nodes and the DCGM exporters there. With {@code runners.serviceAccountName} the Role is bound to
 * that account instead of the operator's {@code <name>-runner} (which is still created, unused).
 */
public final class RunnerRbacFactory {
    private RunnerRbacFactory() { }

    public static ServiceAccount serviceAccount(Benchmark bm) {
        return serviceAccount(bm, ChildNames.of(bm));
    }

    public static ServiceAccount serviceAccount(HasMetadata owner, ChildNames names) {
        return new ServiceAccountBuilder()
                .withMetadata(Owner.meta(owner, names.runnerIdentity(), "runner"))
                .build();
    }

    public static Role role(Benchmark bm) {
        return role(bm, ChildNames.of(bm), bm.getSpec().resolvedRunners().getColocateWith() != null);
    }

    /** {@code readPods}: with colocateWith, the coordinator lists pods to find the DCGM exporters. */
    public static Role role(HasMetadata bm, ChildNames names, boolean readPods) {
        RoleBuilder role = new RoleBuilder()
                .withMetadata(Owner.meta(bm, names.runnerIdentity(), "runner"))
                .addToRules(new PolicyRuleBuilder()
                        .withApiGroups("")
                        .withResources("configmaps")
                        .withResourceNames(names.resultsConfigMap())
                        .withVerbs("get", "update", "patch")
                        .build());
        if (readPods) {
            role.addToRules(new PolicyRuleBuilder().withApiGroups("").withResources("pods").withVerbs("get", "list").build());
        }
        return role.build();
    }

    public static RoleBinding roleBinding(Benchmark bm) {
        return roleBinding(bm, ChildNames.of(bm), bm.getSpec().resolvedRunners());
    }

    /** Binds the runner Role to the account the pods run as: {@code runners.serviceAccountName}, else {@code <name>-runner}. */
    public static RoleBinding roleBinding(HasMetadata bm, ChildNames names, RunnerSpec runners) {
        return new RoleBindingBuilder()
                .withMetadata(Owner.meta(bm, names.runnerIdentity(), "runner"))
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", names.runnerIdentity())
                .addNewSubject().withKind("ServiceAccount").withName(RunnerJobFactory.serviceAccount(runners, names))
                .withNamespace(bm.getMetadata().getNamespace()).endSubject()
                .build();
    }
}
