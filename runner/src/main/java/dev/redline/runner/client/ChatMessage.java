package dev.redline.runner.client;

/** One prior message of a multi-turn session's history (role {@code user} or {@code assistant}). */
public record ChatMessage(String role, String content) {
    public static ChatMessage user(String content) { return new ChatMessage("user", content); }

    public static ChatMessage assistant(String content) { return new ChatMessage("assistant", content); }
}
