package dev.redline.runner.dataset.file;

import dev.redline.runner.dataset.Turn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * AIPerf's --uuid-and-strip: within one session, an image whose uuid an earlier turn sent with its content goes with
 * its uuid alone (vLLM's multimodal cache then serves it). A repeat within one turn keeps its content: the server fills
 * its cache only after the request. References by uuid alone pass through as written.
 */
final class ImageStripping {
    private ImageStripping() { }

    static List<Turn> strip(List<Turn> turns) {
        Set<String> seen = new HashSet<>();
        List<Turn> out = new ArrayList<>(turns.size());
        for (Turn t : turns) {
            List<String> images = new ArrayList<>(t.media().images());
            Set<String> sent = new HashSet<>();
            for (int i = 0; i < images.size(); i++) {
                String id = t.media().imageUuid(i);
                if (id.isEmpty()) continue;
                if (seen.contains(id)) images.set(i, "");
                else if (!images.get(i).isEmpty()) sent.add(id);
            }
            seen.addAll(sent);
            out.add(images.equals(t.media().images()) ? t : t.withMedia(t.media().withImages(images)));
        }
        return out;
    }
}
