package dev.redline.runner.dataset.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.Turn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * inputs_json (AIPerf's): an {@code inputs.json} as AIPerf and Redline write it, {@code {"data": [{"session_id",
 * "payloads": [body, ...]}]}}, replayed verbatim: each session a conversation, each payload a turn sent as it is. So
 * a run's exact requests can be sent again.
 */
final class InputsJsonLoader implements DatasetLoader {
    @Override
    public List<Conversation> load(Path path, LoadContext ctx) {
        JsonNode root;
        try {
            root = JsonlRecords.JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new DatasetFormatException(path + ": not a JSON file (" + e.getMessage().lines().findFirst().orElse("") + "); inputs_json reads an inputs.json");
        }
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isArray() || data.isEmpty()) {
            throw new DatasetFormatException(path + ": field 'data' must be a non-empty list of {session_id, payloads} (an inputs.json)");
        }
        List<Conversation> out = new ArrayList<>(data.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < data.size(); i++) {
            String where = path + ": data[" + i + "]";
            JsonNode session = data.get(i);
            String id = session.path("session_id").asText("");
            JsonNode payloads = session.get("payloads");
            if (id.isEmpty()) throw new DatasetFormatException(where + ": field 'session_id' is required");
            if (!ids.add(id)) throw new DatasetFormatException(where + ": session_id '" + id + "' appears twice; each session once");
            if (payloads == null || !payloads.isArray() || payloads.isEmpty()) {
                throw new DatasetFormatException(where + ": field 'payloads' must be a non-empty list of request bodies");
            }
            List<Turn> turns = new ArrayList<>(payloads.size());
            for (int k = 0; k < payloads.size(); k++) {
                if (!(payloads.get(k) instanceof ObjectNode body)) {
                    throw new DatasetFormatException(where + ".payloads[" + k + "]: must be a request body (a JSON object)");
                }
                turns.add(RawPayloads.turn(new SourceRecord(where + ".payloads[" + k + "]", body), ctx));
            }
            out.add(new Conversation(id, turns, true));
        }
        return out;
    }
}
