package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Evaluates the CRD's transition rule with the CEL reference implementation (cel-java), the way the
 * API server would on an update: {@code self} is the new spec, {@code oldSelf} the stored one.
 */
class ImmutableRuleCelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CelRuntime.Program program;

    @BeforeAll
    static void compile() throws Exception {
        CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("self", SimpleType.DYN).addVar("oldSelf", SimpleType.DYN).build();
        program = CelRuntimeFactory.standardCelRuntimeBuilder().build()
                .createProgram(compiler.compile(BenchmarkResourceSpec.IMMUTABLE_RULE).getAst());
    }

    private static BenchmarkResourceSpec spec() {
        BenchmarkResourceSpec s = new BenchmarkResourceSpec();
        s.setModels(List.of("m"));
        s.endpoint().setUrl("http://vllm:8000");
        s.endpoint().setExtraInputs(new LinkedHashMap<>(Map.of("temperature", 0.7, "ignore_eos", true)));
        PhaseSpec p = new PhaseSpec();
        p.setConcurrency(4);
        p.setDuration(30.0);
        s.setPhases(List.of(p));
        s.setGoodput(Map.of("time_to_first_token", 200.0));
        return s;
    }

    /** The JSON form the API server evaluates, with CEL's number types (int64, double). */
    @SuppressWarnings("unchecked")
    private static Object cel(Object json) {
        if (json instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, cel(v)));
            return out;
        }
        if (json instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(cel(v)));
            return out;
        }
        if (json instanceof Integer i) return i.longValue();
        if (json instanceof Float f) return f.doubleValue();
        return json;
    }

    private static boolean allowed(Consumer<BenchmarkResourceSpec> change) throws Exception {
        BenchmarkResourceSpec old = spec();
        BenchmarkResourceSpec updated = spec();
        change.accept(updated);
        Object result = program.eval(Map.of("self", cel(JSON.convertValue(updated, Map.class)),
                "oldSelf", cel(JSON.convertValue(old, Map.class))));
        return (Boolean) result;
    }

    @Test
    void cancelAndTtlMayChange() throws Exception {
        assertEquals(true, allowed(s -> { }));
        assertEquals(true, allowed(s -> s.setCancel(true)));
        assertEquals(true, allowed(s -> s.setTtlSecondsAfterFinished(60L)));
    }

    @Test
    void everythingElseIsFrozen() throws Exception {
        assertEquals(false, allowed(s -> s.setModels(List.of("other"))));
        assertEquals(false, allowed(s -> s.getEndpoint().setUrl("http://elsewhere:8000")));
        assertEquals(false, allowed(s -> s.getEndpoint().getExtraInputs().put("temperature", 0.1)));
        assertEquals(false, allowed(s -> s.getPhases().get(0).setConcurrency(8)));
        assertEquals(false, allowed(s -> s.setGoodput(null)));
        RunnerSpec runners = new RunnerSpec();
        runners.setReplicas(2);
        assertEquals(false, allowed(s -> s.setRunners(runners)));
        assertEquals(false, allowed(s -> s.setSlo(List.of(new SloSpec("request_throughput", null, null, 1.0)))));
    }
}
