package dev.redline.runner.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.BadInputException;
import dev.redline.runner.client.ChatMessage;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.ResponseParser;
import dev.redline.runner.dataset.Turn;
import io.burt.jmespath.Expression;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GenAI-Perf's dynamic_grpc: any method of a user-given FileDescriptorSet ({@code --grpc-descriptor-set}, from
 * {@code protoc --include_imports --descriptor_set_out}), {@code --grpc-method package.Service/Method}. A turn
 * whose text is a JSON object is the request message (by field name; bytes fields take text); other text goes
 * into the request's first text field ({@code text}, {@code prompt}, {@code text_input}, {@code input},
 * {@code query}, else the first string field), the turn's max tokens into {@code max_tokens}/{@code max_new_tokens}
 * when the message has one. {@code --extra-inputs} set fields; {@code response_field} is a JMESPath over the
 * response message (proto field names) naming its text, else the template type's auto-detection.
 */
final class DynamicGrpcEndpoint extends BaseEndpoint implements GrpcEndpoint {
    private static final String[] TEXT_FIELDS = {"text", "prompt", "text_input", "input", "query"};
    private static final String[] MAX_TOKEN_FIELDS = {"max_tokens", "max_new_tokens", "max_output_tokens"};

    private final MethodDescriptor method;
    private final Expression<JsonNode> field;
    private final FieldDescriptor textField;

    DynamicGrpcEndpoint(ClientConfig config) {
        super(EndpointType.DYNAMIC_GRPC, config);
        this.method = findMethod(config.settings().grpcDescriptorSet(), config.settings().grpcMethod());
        this.field = ResponseFieldParser.compile(config.extraInputs().get(TemplateEndpoint.FIELD_KEY));
        this.textField = textField(method.getInputType());
        for (String k : config.extraInputs().keySet()) {
            if (!TemplateEndpoint.FIELD_KEY.equals(k) && method.getInputType().findFieldByName(k) == null) {
                throw new BadInputException("--extra-inputs " + k + ": " + method.getInputType().getFullName()
                        + " has no field '" + k + "'; use one of its fields");
            }
        }
    }

    /** The method named {@code name} ({@code package.Service/Method}) in the descriptor set {@code file}. */
    static MethodDescriptor findMethod(String file, String name) {
        FileDescriptorSet set;
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            set = FileDescriptorSet.parseFrom(in);
        } catch (IOException e) {
            throw new BadInputException("--grpc-descriptor-set: cannot read " + file + " as a FileDescriptorSet (" + e.getMessage()
                    + "); write one with protoc --include_imports --descriptor_set_out=FILE");
        }
        int slash = name.lastIndexOf('/');
        if (slash <= 0 || slash == name.length() - 1) {
            throw new BadInputException("--grpc-method: '" + name + "' is not package.Service/Method");
        }
        String service = name.substring(0, slash);
        String methodName = name.substring(slash + 1);
        Map<String, FileDescriptorProto> protos = new HashMap<>();
        for (FileDescriptorProto p : set.getFileList()) protos.put(p.getName(), p);
        Map<String, FileDescriptor> built = new HashMap<>();
        for (FileDescriptorProto p : set.getFileList()) {
            ServiceDescriptor s = link(p, protos, built, file).findServiceByName(service.substring(service.lastIndexOf('.') + 1));
            if (s != null && s.getFullName().equals(service)) {
                MethodDescriptor m = s.findMethodByName(methodName);
                if (m == null) {
                    throw new BadInputException("--grpc-method: service " + service + " has no method " + methodName
                            + " (it has " + s.getMethods().stream().map(MethodDescriptor::getName).toList() + ")");
                }
                return m;
            }
        }
        throw new BadInputException("--grpc-method: " + file + " defines no service " + service);
    }

    private static FileDescriptor link(FileDescriptorProto p, Map<String, FileDescriptorProto> protos,
                                       Map<String, FileDescriptor> built, String file) {
        FileDescriptor done = built.get(p.getName());
        if (done != null) return done;
        FileDescriptor[] deps = new FileDescriptor[p.getDependencyCount()];
        for (int i = 0; i < deps.length; i++) {
            FileDescriptorProto dep = protos.get(p.getDependency(i));
            if (dep == null) {
                throw new BadInputException("--grpc-descriptor-set: " + file + " lacks " + p.getDependency(i)
                        + " (imported by " + p.getName() + "); write it with protoc --include_imports");
            }
            deps[i] = link(dep, protos, built, file);
        }
        try {
            FileDescriptor f = FileDescriptor.buildFrom(p, deps);
            built.put(p.getName(), f);
            return f;
        } catch (Descriptors.DescriptorValidationException e) {
            throw new BadInputException("--grpc-descriptor-set: " + p.getName() + " in " + file + " is invalid: " + e.getMessage());
        }
    }

    private static FieldDescriptor textField(Descriptor in) {
        for (String name : TEXT_FIELDS) {
            FieldDescriptor f = in.findFieldByName(name);
            if (f != null && isText(f)) return f;
        }
        for (FieldDescriptor f : in.getFields()) if (isText(f)) return f;
        return null;
    }

    private static boolean isText(FieldDescriptor f) {
        return f.getJavaType() == FieldDescriptor.JavaType.STRING || f.getJavaType() == FieldDescriptor.JavaType.BYTE_STRING;
    }

    @Override
    protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
        String text = GenerateEndpoints.prompt(turn);
        Map<String, Object> verbatim = JsonPayloads.objectIn(text);
        if (verbatim != null) return verbatim;
        Descriptor in = method.getInputType();
        if (textField == null) {
            throw new BadInputException("--grpc-method: " + in.getFullName() + " has no string field for the prompt; "
                    + "give each turn's text as a JSON object of the request message");
        }
        Map<String, Object> body = JsonPayloads.object(textField.getName(), textField.isRepeated() ? List.of(text) : text);
        for (String name : MAX_TOKEN_FIELDS) {
            FieldDescriptor f = in.findFieldByName(name);
            if (f != null && turn.maxTokens() != null && !f.isRepeated()) {
                body.put(name, turn.maxTokens());
                break;
            }
        }
        return body;
    }

    @Override
    public Map<String, Object> payload(Turn turn, String model, List<ChatMessage> history) {
        Map<String, Object> body = fields(turn, model, history);
        config.extraInputs().forEach((k, v) -> {
            if (!TemplateEndpoint.FIELD_KEY.equals(k)) body.put(k, v);
        });
        body.putAll(turn.extra());
        return body;
    }

    @Override
    public WireBody encode(Map<String, Object> payload) {
        try {
            return new WireBody(ProtoJson.toMessage(method.getInputType(), JsonPayloads.JSON.valueToTree(payload)).toByteArray(),
                    GRPC_CONTENT_TYPE);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("dynamic_grpc request for " + method.getFullName() + ": " + e.getMessage());
        }
    }

    @Override
    public String fullMethodName() {
        return method.getService().getFullName() + "/" + method.getName();
    }

    @Override
    public boolean serverStreams() { return method.isServerStreaming(); }

    @Override
    public boolean clientStreams() { return method.isClientStreaming(); }

    @Override
    public ResponseParser newParser() {
        return new ProtoResponseParser(method.getOutputType(), new ResponseFieldParser(field));
    }
}
