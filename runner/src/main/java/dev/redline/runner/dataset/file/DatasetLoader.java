package dev.redline.runner.dataset.file;

import dev.redline.runner.dataset.Conversation;

import java.nio.file.Path;
import java.util.List;

/** Reads one dataset format into conversations, in file order. */
public interface DatasetLoader {
    List<Conversation> load(Path path, LoadContext ctx);
}
