package dev.redline.runner.record;

/** The server-reported usage block (last non-null one of the response); -1 where the server did not say. */
public record Usage(int promptTokens, int completionTokens, int totalTokens, int reasoningTokens, int cachedPromptTokens) {
}
