package dev.redline.operator.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the documented Argo CD health check (config/argocd/benchmark-health.lua) the way Argo CD does: the
 * resource as the global {@code obj} (JSON objects and arrays as Lua tables), the script's returned table
 * read as {@code status} and {@code message}. LuaJ implements Lua 5.2, Argo CD's gopher-lua 5.1; the script
 * uses only what both share (tables, ipairs, string concatenation, comparisons).
 */
public final class ArgoHealth {
    public static final Path SCRIPT = Path.of(System.getProperty("redline.repo.root", "..")).toAbsolutePath().normalize()
            .resolve("config/argocd/benchmark-health.lua");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Argo CD's health: status (Healthy, Progressing, Degraded...) and message. */
    public record Health(String status, String message) { }

    private ArgoHealth() { }

    public static String script() {
        try {
            return Files.readString(SCRIPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The health of a resource given as any Jackson-serialisable object (a fabric8 Benchmark, a JsonNode). */
    public static Health of(Object resource) {
        Globals globals = JsePlatform.standardGlobals();
        globals.set("obj", lua(JSON.valueToTree(resource)));
        LuaValue hs = globals.load(script(), "benchmark-health.lua").call();
        return new Health(hs.get("status").optjstring(null), hs.get("message").optjstring(null));
    }

    private static LuaValue lua(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return LuaValue.NIL;
        if (n.isObject()) {
            LuaTable t = new LuaTable();
            n.properties().forEach(e -> t.set(e.getKey(), lua(e.getValue())));
            return t;
        }
        if (n.isArray()) {
            LuaTable t = new LuaTable();
            for (int i = 0; i < n.size(); i++) t.set(i + 1, lua(n.get(i)));
            return t;
        }
        if (n.isBoolean()) return LuaValue.valueOf(n.booleanValue());
        if (n.isNumber()) return LuaValue.valueOf(n.doubleValue());
        return LuaValue.valueOf(n.asText());
    }
}
