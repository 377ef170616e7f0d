package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CEL immutability rule has to name every spec field except the mutable ones. */
class ImmutableRuleTest {
    @Test
    void ruleCoversEveryImmutableSpecField() {
        ObjectMapper mapper = new ObjectMapper();
        BeanDescription desc = mapper.getSerializationConfig().introspect(mapper.constructType(BenchmarkResourceSpec.class));
        List<String> fields = desc.findProperties().stream().map(BeanPropertyDefinition::getName).collect(Collectors.toList());
        assertTrue(fields.containsAll(BenchmarkResourceSpec.MUTABLE_FIELDS), "mutable fields must exist: " + fields);
        List<String> missing = fields.stream()
                .filter(f -> !BenchmarkResourceSpec.MUTABLE_FIELDS.contains(f))
                .filter(f -> !BenchmarkResourceSpec.IMMUTABLE_RULE.contains("self." + f + " == oldSelf." + f))
                .collect(Collectors.toList());
        assertEquals(List.of(), missing, "add these fields to BenchmarkResourceSpec.IMMUTABLE_RULE");
        for (String mutable : BenchmarkResourceSpec.MUTABLE_FIELDS) {
            assertTrue(!BenchmarkResourceSpec.IMMUTABLE_RULE.contains("self." + mutable + " "), mutable + " must stay mutable");
        }
    }
}
