package dev.redline.runner.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON-shaped payloads (what inputs.json shows) to protobuf messages of a runtime descriptor and back, by proto
 * field name (or its JSON name). Unlike protobuf's JsonFormat, {@code bytes} fields carry UTF-8 text both ways:
 * KServe's BYTES tensors hold the prompt and the generated text.
 */
public final class ProtoJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProtoJson() { }

    /** The message {@code type} built from {@code json}; IllegalArgumentException names the field that does not fit. */
    public static DynamicMessage toMessage(Descriptor type, JsonNode json) {
        if (json == null || !json.isObject()) throw new IllegalArgumentException(type.getFullName() + " must be a JSON object, was " + json);
        DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            FieldDescriptor f = field(type, e.getKey());
            if (f == null) {
                throw new IllegalArgumentException("field '" + e.getKey() + "' is not in " + type.getFullName()
                        + " (its fields: " + names(type) + ")");
            }
            JsonNode v = e.getValue();
            if (v.isNull()) continue;
            if (f.isMapField()) {
                if (!v.isObject()) throw new IllegalArgumentException(f.getFullName() + " is a map; give a JSON object");
                Descriptor entry = f.getMessageType();
                for (Iterator<Map.Entry<String, JsonNode>> m = v.fields(); m.hasNext(); ) {
                    Map.Entry<String, JsonNode> kv = m.next();
                    DynamicMessage.Builder eb = DynamicMessage.newBuilder(entry);
                    eb.setField(entry.findFieldByNumber(1), scalar(entry.findFieldByNumber(1), NODES.textNode(kv.getKey())));
                    eb.setField(entry.findFieldByNumber(2), value(entry.findFieldByNumber(2), kv.getValue()));
                    b.addRepeatedField(f, eb.build());
                }
            } else if (f.isRepeated()) {
                if (v.isArray()) for (JsonNode item : v) b.addRepeatedField(f, value(f, item));
                else b.addRepeatedField(f, value(f, v));
            } else {
                b.setField(f, value(f, v));
            }
        }
        return b.build();
    }

    private static FieldDescriptor field(Descriptor type, String name) {
        FieldDescriptor f = type.findFieldByName(name);
        if (f != null) return f;
        for (FieldDescriptor c : type.getFields()) if (c.getJsonName().equals(name)) return c;
        return null;
    }

    private static String names(Descriptor type) {
        StringBuilder out = new StringBuilder();
        for (FieldDescriptor f : type.getFields()) out.append(out.length() == 0 ? "" : ", ").append(f.getName());
        return out.toString();
    }

    private static Object value(FieldDescriptor f, JsonNode v) {
        return f.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? toMessage(f.getMessageType(), v) : scalar(f, v);
    }

    private static Object scalar(FieldDescriptor f, JsonNode v) {
        switch (f.getJavaType()) {
            case STRING: return v.asText();
            case BYTE_STRING: return ByteString.copyFromUtf8(v.asText());
            case BOOLEAN:
                if (!v.isBoolean()) throw notA(f, "boolean", v);
                return v.booleanValue();
            case INT:
                if (!v.canConvertToInt()) throw notA(f, "32-bit integer", v);
                return v.asInt();
            case LONG:
                if (!v.canConvertToLong()) throw notA(f, "64-bit integer", v);
                return v.asLong();
            case FLOAT:
                if (!v.isNumber()) throw notA(f, "number", v);
                return (float) v.asDouble();
            case DOUBLE:
                if (!v.isNumber()) throw notA(f, "number", v);
                return v.asDouble();
            case ENUM:
                EnumValueDescriptor e = v.isInt() ? f.getEnumType().findValueByNumber(v.asInt()) : f.getEnumType().findValueByName(v.asText());
                if (e == null) throw notA(f, "value of " + f.getEnumType().getName(), v);
                return e;
            default: throw notA(f, "message", v);
        }
    }

    private static IllegalArgumentException notA(FieldDescriptor f, String what, JsonNode v) {
        return new IllegalArgumentException(f.getFullName() + " must be a " + what + ", was " + v);
    }

    /** The message as a JSON tree by proto field name; bytes as UTF-8 text, maps as objects, enums by name. */
    public static ObjectNode toTree(MessageOrBuilder message) {
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<FieldDescriptor, Object> e : message.getAllFields().entrySet()) {
            FieldDescriptor f = e.getKey();
            if (f.isMapField()) {
                ObjectNode map = out.putObject(f.getName());
                for (Object entry : (List<?>) e.getValue()) {
                    Message m = (Message) entry;
                    Descriptor d = m.getDescriptorForType();
                    map.set(String.valueOf(m.getField(d.findFieldByNumber(1))), node(d.findFieldByNumber(2), m.getField(d.findFieldByNumber(2))));
                }
            } else if (f.isRepeated()) {
                ArrayNode list = out.putArray(f.getName());
                for (Object item : (List<?>) e.getValue()) list.add(node(f, item));
            } else {
                out.set(f.getName(), node(f, e.getValue()));
            }
        }
        return out;
    }

    private static JsonNode node(FieldDescriptor f, Object v) {
        switch (f.getJavaType()) {
            case MESSAGE: return toTree((MessageOrBuilder) v);
            case BYTE_STRING: return NODES.textNode(((ByteString) v).toStringUtf8());
            case STRING: return NODES.textNode((String) v);
            case BOOLEAN: return NODES.booleanNode((Boolean) v);
            case INT: return NODES.numberNode((Integer) v);
            case LONG: return NODES.numberNode((Long) v);
            case FLOAT: return NODES.numberNode((Float) v);
            case DOUBLE: return NODES.numberNode((Double) v);
            case ENUM: return NODES.textNode(((EnumValueDescriptor) v).getName());
            default: return NODES.textNode(String.valueOf(v));
        }
    }
}
