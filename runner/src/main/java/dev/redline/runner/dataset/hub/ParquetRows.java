package dev.redline.runner.dataset.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * The rows of a Parquet file (the format the Hugging Face hub publishes datasets in) as JSON trees, so a Parquet
 * shard and a JSONL copy of the same split read alike: strings as text, LIST columns as arrays, structs (an HF
 * {@code Image}'s {@code {bytes, path}}) as objects, other binary as binary nodes. Read row group by row group.
 */
final class ParquetRows {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ParquetRows() { }

    /** Feeds each row to {@code sink} until it returns false or the file ends. */
    static void forEach(Path file, Predicate<JsonNode> sink) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            ColumnIOFactory io = new ColumnIOFactory();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getColumnIO(schema).getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    if (!sink.test(object(records.read()))) return;
                }
            }
        }
    }

    static boolean isParquet(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".parquet");
    }

    private static ObjectNode object(Group g) {
        ObjectNode o = NODES.objectNode();
        GroupType type = g.getType();
        for (int f = 0; f < type.getFieldCount(); f++) {
            Type field = type.getType(f);
            int n = g.getFieldRepetitionCount(f);
            if (field.isRepetition(Type.Repetition.REPEATED)) {
                ArrayNode a = o.putArray(field.getName());
                for (int i = 0; i < n; i++) a.add(value(g, f, i, field));
            } else {
                o.set(field.getName(), n == 0 ? NODES.nullNode() : value(g, f, 0, field));
            }
        }
        return o;
    }

    private static JsonNode value(Group g, int f, int i, Type field) {
        if (!field.isPrimitive()) {
            Group child = g.getGroup(f, i);
            return field.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation ? list(child) : object(child);
        }
        PrimitiveType p = field.asPrimitiveType();
        switch (p.getPrimitiveTypeName()) {
            case BINARY:
            case FIXED_LEN_BYTE_ARRAY:
                LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
                boolean text = logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                        || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
                        || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
                return text ? NODES.textNode(g.getString(f, i)) : NODES.binaryNode(g.getBinary(f, i).getBytes());
            case INT32: return NODES.numberNode(g.getInteger(f, i));
            case INT64: return NODES.numberNode(g.getLong(f, i));
            case BOOLEAN: return NODES.booleanNode(g.getBoolean(f, i));
            case FLOAT: return NODES.numberNode(g.getFloat(f, i));
            case DOUBLE: return NODES.numberNode(g.getDouble(f, i));
            default: return NODES.nullNode(); // INT96 timestamps: no dataset prompt lives there
        }
    }

    /** A LIST column: {@code <list> { repeated group list { element } }} (or the legacy one-level form). */
    private static ArrayNode list(Group g) {
        ArrayNode a = NODES.arrayNode();
        if (g.getType().getFieldCount() == 0) return a;
        Type repeated = g.getType().getType(0);
        int n = g.getFieldRepetitionCount(0);
        for (int i = 0; i < n; i++) {
            if (repeated.isPrimitive()) {
                a.add(value(g, 0, i, repeated));
                continue;
            }
            Group wrapper = g.getGroup(0, i);
            GroupType wt = repeated.asGroupType();
            if (wt.getFieldCount() == 1) {
                a.add(wrapper.getFieldRepetitionCount(0) == 0 ? NODES.nullNode() : value(wrapper, 0, 0, wt.getType(0)));
            } else {
                a.add(object(wrapper));
            }
        }
        return a;
    }
}
