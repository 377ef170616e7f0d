package dev.redline.api.v1alpha1;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointTypeTest {
    @Test
    void streamingIsTurnedOffForTypesThatCannotStreamAsAiperfDoes() {
        for (EndpointType t : EndpointType.values()) {
            EndpointSpec ep = new EndpointSpec();
            ep.setType(t);
            ep.setStreaming(true);
            assertEquals(t.supportsStreaming(false), ep.isStreaming(), t.wireName() + " over http");
            assertTrue(ep.streamingRequested());
            ep.setUrl("grpc://server:8001");
            assertEquals(t.supportsStreaming(true), ep.isStreaming(), t.wireName() + " over grpc");
        }
    }

    @Test
    void pathsFollowTheApis() {
        assertEquals("/generate", EndpointType.HUGGINGFACE_GENERATE.defaultPath(false));
        assertEquals("/generate_stream", EndpointType.HUGGINGFACE_GENERATE.defaultPath(true));
        assertEquals("/v2/models/{model}/generate_stream", EndpointType.GENERATE.defaultPath(true));
        assertEquals("/v1/chat/completions", EndpointType.CHAT.defaultPath(true));
        assertNull(EndpointType.RAW.defaultPath(false));
    }

    @Test
    void unknownNamesListTheValidOnesAndTensorrtllmEngineGetsItsReason() {
        assertNull(EndpointType.unknownReason("cohere_rankings"));
        String unknown = EndpointType.unknownReason("chatty");
        for (EndpointType t : EndpointType.values()) assertTrue(unknown.contains(t.wireName()), unknown);
        assertTrue(EndpointType.unknownReason("tensorrtllm_engine").startsWith("tensorrtllm_engine runs TensorRT-LLM"));
    }

    @Test
    void streamingPathIsUsedOnlyWhenStreaming() {
        EndpointSpec ep = new EndpointSpec();
        ep.setType(EndpointType.HUGGINGFACE_GENERATE);
        assertEquals("/generate", ep.resolvedPath());
        ep.setStreaming(true);
        assertEquals("/generate_stream", ep.resolvedPath());
        assertEquals(EndpointSpec.JSON, ep.resolvedRequestContentType());
        ep.setType(EndpointType.AUDIO_TRANSCRIPTION);
        assertEquals(EndpointSpec.MULTIPART, ep.resolvedRequestContentType());
    }
}
