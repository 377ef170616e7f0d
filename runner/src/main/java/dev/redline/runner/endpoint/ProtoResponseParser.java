package dev.redline.runner.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.redline.runner.client.ResponseParser;
import dev.redline.runner.record.Usage;

import java.util.function.Function;

/**
 * Reads serialized gRPC response messages of a runtime descriptor: decodes each into a {@link DynamicMessage},
 * makes it JSON-shaped and hands it to a tree parser, so the gRPC types reuse the JSON types' reading rules.
 */
final class ProtoResponseParser implements ResponseParser {
    private final Descriptor type;
    private final TreeResponseParser tree;
    private final Function<DynamicMessage, JsonNode> shape;

    ProtoResponseParser(Descriptor type, TreeResponseParser tree, Function<DynamicMessage, JsonNode> shape) {
        this.type = type;
        this.tree = tree;
        this.shape = shape;
    }

    ProtoResponseParser(Descriptor type, TreeResponseParser tree) {
        this(type, tree, ProtoJson::toTree);
    }

    @Override
    public boolean parse(byte[] bytes, int off, int len) {
        DynamicMessage message;
        try {
            message = off == 0 && len == bytes.length ? DynamicMessage.parseFrom(type, bytes)
                    : DynamicMessage.parseFrom(type, com.google.protobuf.ByteString.copyFrom(bytes, off, len));
        } catch (InvalidProtocolBufferException e) {
            tree.reset();
            tree.failed("not a " + type.getFullName() + " message: " + e.getMessage());
            return false;
        }
        return tree.parseTree(shape.apply(message));
    }

    @Override public CharSequence contentChars() { return tree.contentChars(); }
    @Override public CharSequence reasoningChars() { return tree.reasoningChars(); }
    @Override public Usage usage() { return tree.usage(); }
    @Override public boolean hasData() { return tree.hasData(); }
    @Override public boolean finished() { return tree.finished(); }
    @Override public boolean hasError() { return tree.hasError(); }
    @Override public String errorMessage() { return tree.errorMessage(); }
    @Override public int errorCode() { return tree.errorCode(); }
    @Override public String topLevelMessage() { return tree.topLevelMessage(); }
    @Override public String failure() { return tree.failure(); }
    @Override public int generatedItems() { return tree.generatedItems(); }
    @Override public boolean streamNeedsEndMarker() { return tree.streamNeedsEndMarker(); }
}
