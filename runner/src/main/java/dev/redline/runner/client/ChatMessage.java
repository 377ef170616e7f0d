package dev.redline.runner.client;

import dev.redline.runner.dataset.media.MediaParts;

/**
 * One prior message of a multi-turn session's history (role {@code user}, {@code assistant}, or the role a dataset gave the turn). A user message keeps
 * its turn's media: AIPerf re-sends earlier turns' images, audio and video with the history.
 */
public record ChatMessage(String role, String content, MediaParts media) {
    public ChatMessage {
        media = media == null ? MediaParts.NONE : media;
    }

    public ChatMessage(String role, String content) {
        this(role, content, MediaParts.NONE);
    }

    public static ChatMessage user(String content) { return new ChatMessage("user", content); }

    public static ChatMessage user(String content, MediaParts media) { return new ChatMessage("user", content, media); }

    public static ChatMessage assistant(String content) { return new ChatMessage("assistant", content); }
}
