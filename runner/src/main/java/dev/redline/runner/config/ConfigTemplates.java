package dev.redline.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import dev.redline.api.config.SpecException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AIPerf's Jinja templating of a config, rendered with Jinjava (Jinja2 syntax in Java): every string value holding
 * {@code {{ expr }}} or {@code {% ... %}} is rendered and the result coerced to a boolean or number when it reads
 * as one. The context is the {@code variables} section (a variable may use other variables, in any order; a cycle
 * is an error), the top-level sections, and the benchmark body's keys lifted to the top ({@code {{ phases.profiling.rate }}};
 * a list of named entries is addressed by name). An unknown name is an error, not an empty string. Payload
 * templates ({@code template}, {@code body}, {@code payload_template}) and {@code artifacts.userFiles} are left for
 * run time.
 */
public final class ConfigTemplates {
    private static final Set<String> SKIP_KEYS = Set.of("template", "body", "payload_template", "payloadTemplate");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern BLOCK = Pattern.compile("\\{\\{(.*?)}}|\\{%(.*?)%}", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jinjava jinja = new Jinjava(JinjavaConfig.newBuilder().withFailOnUnknownTokens(true).build());
    private final PositionedYaml positions;

    public ConfigTemplates(PositionedYaml positions) {
        this.positions = positions;
    }

    /** Renders {@code root} (the whole file, envelope included) in place; returns the resolved variables. */
    public Map<String, Object> render(ObjectNode root) {
        Map<String, Object> context = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : ConfigTrees.entries(root)) {
            if (!e.getKey().equals("variables")) context.put(e.getKey(), toJava(e.getValue()));
        }
        JsonNode body = root.get("benchmark");
        if (body instanceof ObjectNode b) for (Map.Entry<String, JsonNode> e : ConfigTrees.entries(b)) context.put(e.getKey(), toJava(e.getValue()));
        JsonNode variables = root.get("variables");
        Map<String, Object> resolved = Map.of();
        if (variables instanceof ObjectNode vars) {
            resolved = resolveVariables(vars, context);
            context.putAll(resolved);
            context.put("variables", resolved);
        }
        for (Map.Entry<String, JsonNode> e : ConfigTrees.entries(root)) {
            if (e.getKey().equals("variables")) continue;
            JsonNode v = walk(e.getValue(), context, e.getKey());
            if (v != e.getValue()) root.set(e.getKey(), v);
        }
        return resolved;
    }

    /** Variables in dependency order (Kahn): each rendered with the ones it uses already resolved. */
    private Map<String, Object> resolveVariables(ObjectNode vars, Map<String, Object> base) {
        Map<String, Set<String>> pending = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : ConfigTrees.entries(vars)) {
            Set<String> refs = new LinkedHashSet<>();
            references(e.getValue(), refs);
            refs.retainAll(vars.properties().stream().map(Map.Entry::getKey).toList());
            refs.remove(e.getKey());
            pending.put(e.getKey(), refs);
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            List<String> ready = pending.entrySet().stream().filter(p -> p.getValue().isEmpty()).map(Map.Entry::getKey).toList();
            if (ready.isEmpty()) {
                throw new SpecException(positions.describe(vars) + ": variables refer to each other in a cycle: "
                        + String.join(", ", pending.keySet()) + "; break the cycle", vars);
            }
            for (String name : ready) {
                Map<String, Object> ctx = new LinkedHashMap<>(base);
                ctx.putAll(resolved);
                JsonNode value = walk(vars.get(name), ctx, "variables." + name);
                vars.set(name, value);
                resolved.put(name, toJava(value));
                pending.remove(name);
                pending.values().forEach(deps -> deps.remove(name));
            }
        }
        return resolved;
    }

    private static void references(JsonNode n, Set<String> out) {
        if (n instanceof TextNode t) {
            Matcher b = BLOCK.matcher(t.asText());
            while (b.find()) {
                Matcher name = NAME.matcher(b.group(1) != null ? b.group(1) : b.group(2));
                while (name.find()) out.add(name.group());
            }
        } else if (n != null && n.isContainerNode()) {
            n.forEach(child -> references(child, out));
        }
    }

    private JsonNode walk(JsonNode n, Map<String, Object> ctx, String path) {
        if (path.endsWith(".userFiles") || path.endsWith(".user_files")) return n;
        if (n instanceof ObjectNode obj) {
            for (Map.Entry<String, JsonNode> e : ConfigTrees.entries(obj)) {
                if (SKIP_KEYS.contains(e.getKey())) continue;
                JsonNode v = walk(e.getValue(), ctx, path + "." + e.getKey());
                if (v != e.getValue()) obj.set(e.getKey(), v);
            }
            return obj;
        }
        if (n instanceof ArrayNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                JsonNode v = walk(arr.get(i), ctx, path + "[" + i + "]");
                if (v != arr.get(i)) arr.set(i, v);
            }
            return arr;
        }
        if (n instanceof TextNode t) {
            JsonNode out = renderString(t, ctx, path);
            if (out != t) positions.moved(t, out);
            return out;
        }
        return n;
    }

    private JsonNode renderString(TextNode node, Map<String, Object> ctx, String path) {
        String text = node.asText();
        boolean expr = text.contains("{{");
        boolean block = text.contains("{%");
        if (!expr && !block) return node;
        if (expr && !text.contains("}}") || block && !text.contains("%}")) {
            throw new SpecException(positions.describe(node) + ": " + path + ": unbalanced template '" + text
                    + "': '" + (expr ? "{{" : "{%") + "' has no closing '" + (expr ? "}}" : "%}") + "'", node);
        }
        RenderResult r = jinja.renderForResult(text, ctx);
        List<String> errors = new ArrayList<>();
        for (TemplateError e : r.getErrors()) errors.add(e.getMessage());
        if (!errors.isEmpty()) {
            throw new SpecException(positions.describe(node) + ": " + path + ": template '" + text + "' failed: "
                    + PositionedYaml.oneLine(String.join("; ", errors)) + "; define it under variables", node);
        }
        return Scalars.coerce(r.getOutput());
    }

    /** JSON tree to plain Java values; a list of mappings that all have a name becomes a map by name. */
    static Object toJava(JsonNode n) {
        if (n instanceof ArrayNode arr) {
            boolean named = !arr.isEmpty();
            for (JsonNode item : arr) named &= item.isObject() && item.path("name").isTextual();
            if (named) {
                Map<String, Object> byName = new LinkedHashMap<>();
                for (JsonNode item : arr) byName.put(item.get("name").asText(), toJava(item));
                return byName;
            }
            List<Object> out = new ArrayList<>();
            for (JsonNode item : arr) out.add(toJava(item));
            return out;
        }
        if (n instanceof ObjectNode obj) {
            Map<String, Object> out = new LinkedHashMap<>();
            obj.fields().forEachRemaining(e -> out.put(e.getKey(), toJava(e.getValue())));
            return out;
        }
        return JSON.convertValue(n, Object.class);
    }
}
