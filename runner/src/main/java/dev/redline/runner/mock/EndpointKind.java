package dev.redline.runner.mock;

/** The inference endpoints the mock serves. */
enum EndpointKind { CHAT, COMPLETIONS, EMBEDDINGS }
