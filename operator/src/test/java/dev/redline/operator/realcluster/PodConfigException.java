package dev.redline.operator.realcluster;

/** A pod that cannot start as specified (a missing Secret, an unsupported volume): the kubelet's CreateContainerConfigError. */
final class PodConfigException extends Exception {
    PodConfigException(String message) {
        super(message);
    }
}
