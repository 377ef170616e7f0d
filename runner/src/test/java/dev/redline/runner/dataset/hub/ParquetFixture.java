package dev.redline.runner.dataset.hub;

import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a real Parquet file, as the hub publishes datasets (snappy, string columns, LIST columns of strings), with
 * the same library Redline reads it with. Each row maps a column to a String, a List of Strings or null.
 */
public final class ParquetFixture {
    private ParquetFixture() { }

    public static Path write(Path file, List<String> textColumns, List<String> listColumns, List<Map<String, Object>> rows) throws IOException {
        return write(file, textColumns, listColumns, List.of(), rows);
    }

    /** With HF Image columns too ({@code {bytes, path}}), each a byte[] (or null). */
    public static Path write(Path file, List<String> textColumns, List<String> listColumns, List<String> imageColumns,
                             List<Map<String, Object>> rows) throws IOException {
        StringBuilder schema = new StringBuilder("message row {");
        for (String c : imageColumns) schema.append(" optional group ").append(c).append(" { optional binary bytes; optional binary path (STRING); }");
        for (String c : textColumns) schema.append(" optional binary ").append(c).append(" (STRING);");
        for (String c : listColumns) {
            schema.append(" optional group ").append(c).append(" (LIST) { repeated group list { optional binary element (STRING); } }");
        }
        MessageType type = MessageTypeParser.parseMessageType(schema.append(" }").toString());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withConf(new PlainParquetConfiguration())
                .withType(type).withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            for (Map<String, Object> row : rows) {
                Group g = groups.newGroup();
                for (String c : textColumns) if (row.get(c) != null) g.append(c, (String) row.get(c));
                for (String c : listColumns) {
                    if (row.get(c) == null) continue;
                    Group list = g.addGroup(c);
                    for (Object v : (List<?>) row.get(c)) list.addGroup("list").append("element", (String) v);
                }
                for (String c : imageColumns) {
                    if (row.get(c) != null) g.addGroup(c).append("bytes", Binary.fromConstantByteArray((byte[]) row.get(c))).append("path", c + ".png");
                }
                w.write(g);
            }
        }
        return file;
    }
}
