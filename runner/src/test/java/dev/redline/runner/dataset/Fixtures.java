package dev.redline.runner.dataset;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Paths of the dataset fixtures under src/test/resources/datasets. */
public final class Fixtures {
    private Fixtures() { }

    public static Path path(String name) {
        URL url = Fixtures.class.getResource("/datasets/" + name);
        if (url == null) throw new IllegalStateException("missing fixture datasets/" + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
