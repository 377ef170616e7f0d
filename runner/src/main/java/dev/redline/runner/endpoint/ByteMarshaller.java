package dev.redline.runner.endpoint;

import io.grpc.MethodDescriptor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** gRPC messages as their serialized bytes: built and read against a runtime descriptor, so no generated classes. */
public final class ByteMarshaller implements MethodDescriptor.Marshaller<byte[]> {
    public static final ByteMarshaller INSTANCE = new ByteMarshaller();

    private ByteMarshaller() { }

    /** A method of {@code type} named {@code package.Service/Method} carrying serialized messages. */
    public static MethodDescriptor<byte[], byte[]> method(MethodDescriptor.MethodType type, String fullName) {
        return MethodDescriptor.<byte[], byte[]>newBuilder().setType(type).setFullMethodName(fullName)
                .setRequestMarshaller(INSTANCE).setResponseMarshaller(INSTANCE).build();
    }

    @Override
    public InputStream stream(byte[] value) {
        return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
        try {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
