package dev.redline.api.v1alpha1;

/** The condition types a Benchmark reports ({@code kubectl wait --for=condition=Complete}). */
public enum ConditionType {
    Accepted, Running, Progressing, Complete, Failed, SLOMet
}
