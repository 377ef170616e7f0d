package dev.redline.runner.endpoint;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;

/**
 * The KServe v2 / Triton gRPC inference protocol ({@code inference.GRPCInferenceService}), built in code from the
 * public {@code grpc_predict_v2.proto} field names and numbers (Triton's {@code ModelStreamInfer} and
 * {@code ModelStreamInferResponse} included), so the build needs no protoc step. Only the messages inference needs;
 * a server's other fields survive as unknown fields.
 */
public final class KServeProto {
    public static final String SERVICE = "inference.GRPCInferenceService";
    public static final String MODEL_INFER = SERVICE + "/ModelInfer";
    public static final String MODEL_STREAM_INFER = SERVICE + "/ModelStreamInfer";
    /** Triton marks the last response of a decoupled (streamed) request with this bool parameter. */
    public static final String FINAL_RESPONSE = "triton_final_response";

    private static final FileDescriptorProto PROTO = build();
    private static final FileDescriptor FILE = link(PROTO);

    private KServeProto() { }

    /** The file's definition, as protoc would put it into a descriptor set. */
    public static FileDescriptorProto fileProto() { return PROTO; }

    public static FileDescriptor file() { return FILE; }

    public static Descriptor message(String name) {
        return FILE.findMessageTypeByName(name);
    }

    public static Descriptor inferRequest() { return message("ModelInferRequest"); }

    public static Descriptor inferResponse() { return message("ModelInferResponse"); }

    public static Descriptor streamResponse() { return message("ModelStreamInferResponse"); }

    private static FileDescriptor link(FileDescriptorProto proto) {
        try {
            return FileDescriptor.buildFrom(proto, new FileDescriptor[0]);
        } catch (Descriptors.DescriptorValidationException e) {
            throw new IllegalStateException("KServe v2 descriptor does not link: " + e.getMessage(), e);
        }
    }

    private static FileDescriptorProto build() {
        DescriptorProto parameter = DescriptorProto.newBuilder().setName("InferParameter")
                .addOneofDecl(OneofDescriptorProto.newBuilder().setName("parameter_choice"))
                .addField(field("bool_param", 1, Type.TYPE_BOOL).setOneofIndex(0))
                .addField(field("int64_param", 2, Type.TYPE_INT64).setOneofIndex(0))
                .addField(field("string_param", 3, Type.TYPE_STRING).setOneofIndex(0))
                .addField(field("double_param", 4, Type.TYPE_DOUBLE).setOneofIndex(0))
                .addField(field("uint64_param", 5, Type.TYPE_UINT64).setOneofIndex(0))
                .build();
        DescriptorProto contents = DescriptorProto.newBuilder().setName("InferTensorContents")
                .addField(repeated("bool_contents", 1, Type.TYPE_BOOL))
                .addField(repeated("int_contents", 2, Type.TYPE_INT32))
                .addField(repeated("int64_contents", 3, Type.TYPE_INT64))
                .addField(repeated("uint_contents", 4, Type.TYPE_UINT32))
                .addField(repeated("uint64_contents", 5, Type.TYPE_UINT64))
                .addField(repeated("fp32_contents", 6, Type.TYPE_FLOAT))
                .addField(repeated("fp64_contents", 7, Type.TYPE_DOUBLE))
                .addField(repeated("bytes_contents", 8, Type.TYPE_BYTES))
                .build();
        DescriptorProto.Builder request = DescriptorProto.newBuilder().setName("ModelInferRequest")
                .addNestedType(tensor("InferInputTensor", ".inference.ModelInferRequest.InferInputTensor"))
                .addNestedType(DescriptorProto.newBuilder().setName("InferRequestedOutputTensor")
                        .addField(field("name", 1, Type.TYPE_STRING))
                        .addField(parameters(2, ".inference.ModelInferRequest.InferRequestedOutputTensor"))
                        .addNestedType(parametersEntry()))
                .addNestedType(parametersEntry());
        identity(request, ".inference.ModelInferRequest")
                .addField(messages("inputs", 5, ".inference.ModelInferRequest.InferInputTensor"))
                .addField(messages("outputs", 6, ".inference.ModelInferRequest.InferRequestedOutputTensor"))
                .addField(repeated("raw_input_contents", 7, Type.TYPE_BYTES));
        DescriptorProto.Builder response = DescriptorProto.newBuilder().setName("ModelInferResponse")
                .addNestedType(tensor("InferOutputTensor", ".inference.ModelInferResponse.InferOutputTensor"))
                .addNestedType(parametersEntry());
        identity(response, ".inference.ModelInferResponse")
                .addField(messages("outputs", 5, ".inference.ModelInferResponse.InferOutputTensor"))
                .addField(repeated("raw_output_contents", 6, Type.TYPE_BYTES));
        DescriptorProto streamResponse = DescriptorProto.newBuilder().setName("ModelStreamInferResponse")
                .addField(field("error_message", 1, Type.TYPE_STRING))
                .addField(field("infer_response", 2, Type.TYPE_MESSAGE).setTypeName(".inference.ModelInferResponse"))
                .build();
        ServiceDescriptorProto service = ServiceDescriptorProto.newBuilder().setName("GRPCInferenceService")
                .addMethod(MethodDescriptorProto.newBuilder().setName("ModelInfer")
                        .setInputType(".inference.ModelInferRequest").setOutputType(".inference.ModelInferResponse"))
                .addMethod(MethodDescriptorProto.newBuilder().setName("ModelStreamInfer")
                        .setInputType(".inference.ModelInferRequest").setOutputType(".inference.ModelStreamInferResponse")
                        .setClientStreaming(true).setServerStreaming(true))
                .build();
        return FileDescriptorProto.newBuilder().setName("grpc_predict_v2.proto").setPackage("inference").setSyntax("proto3")
                .addMessageType(parameter).addMessageType(contents).addMessageType(request).addMessageType(response)
                .addMessageType(streamResponse).addService(service).build();
    }

    /** Fields 1-4 of a request and a response: model_name, model_version, id, parameters. */
    private static DescriptorProto.Builder identity(DescriptorProto.Builder message, String fullName) {
        return message.addField(field("model_name", 1, Type.TYPE_STRING))
                .addField(field("model_version", 2, Type.TYPE_STRING))
                .addField(field("id", 3, Type.TYPE_STRING))
                .addField(parameters(4, fullName));
    }

    /** An input or output tensor: name, datatype, shape, parameters, contents. */
    private static DescriptorProto tensor(String name, String fullName) {
        return DescriptorProto.newBuilder().setName(name)
                .addField(field("name", 1, Type.TYPE_STRING))
                .addField(field("datatype", 2, Type.TYPE_STRING))
                .addField(repeated("shape", 3, Type.TYPE_INT64))
                .addField(parameters(4, fullName))
                .addField(field("contents", 5, Type.TYPE_MESSAGE).setTypeName(".inference.InferTensorContents"))
                .addNestedType(parametersEntry())
                .build();
    }

    /** {@code map<string, InferParameter> parameters}: a repeated entry message, as protoc lowers a map. */
    private static FieldDescriptorProto.Builder parameters(int number, String owner) {
        return messages("parameters", number, owner + ".ParametersEntry");
    }

    private static DescriptorProto parametersEntry() {
        return DescriptorProto.newBuilder().setName("ParametersEntry")
                .addField(field("key", 1, Type.TYPE_STRING))
                .addField(field("value", 2, Type.TYPE_MESSAGE).setTypeName(".inference.InferParameter"))
                .setOptions(MessageOptions.newBuilder().setMapEntry(true))
                .build();
    }

    private static FieldDescriptorProto.Builder field(String name, int number, Type type) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type).setLabel(Label.LABEL_OPTIONAL)
                .setJsonName(jsonName(name));
    }

    private static FieldDescriptorProto.Builder repeated(String name, int number, Type type) {
        return field(name, number, type).setLabel(Label.LABEL_REPEATED);
    }

    private static FieldDescriptorProto.Builder messages(String name, int number, String typeName) {
        return repeated(name, number, Type.TYPE_MESSAGE).setTypeName(typeName);
    }

    private static String jsonName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') upper = true;
            else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
