package org.medfed.model.onnx;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.StringStringEntryProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;

/**
 * An ONNX graph being written with the classes compiled from the official schema ({@code src/main/proto/onnx}):
 * named inputs and outputs, constant tensors (initializers) and standard operators of the default domain.
 * Every value gets a fresh name from a hint, so that the pieces (preprocessing, network, outputs) can be
 * written one after another without clashes.
 */
final class OnnxGraph {

    /**
     * ONNX operator set 21 (ONNX 1.16, IR version 10): run by ONNX Runtime 1.18 and later, which covers the Java,
     * Python, C# and C++ releases of 2024 on; it has string comparison (Equal, opset 19) and per-channel
     * DequantizeLinear.
     */
    static final int OPSET = 21;
    static final long IR_VERSION = 10;
    /** The symbolic batch dimension of every input and output. */
    static final String BATCH = "N";

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private int counter;

    OnnxGraph(String name) {
        graph.setName(name);
    }

    String fresh(String hint) {
        // a prefix that raw column names (the tabular inputs) do not take in practice
        return "t" + counter++ + "/" + hint;
    }

    /** A graph input; a dimension of -1 is the batch, -2 a free size named after its position (height, width). */
    void input(String name, TensorProto.DataType type, String doc, long... dims) {
        graph.addInput(value(name, type, doc, dims));
    }

    void output(String name, TensorProto.DataType type, String doc, long... dims) {
        graph.addOutput(value(name, type, doc, dims));
    }

    private static ValueInfoProto value(String name, TensorProto.DataType type, String doc, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (int i = 0; i < dims.length; i++) {
            TensorShapeProto.Dimension.Builder d = TensorShapeProto.Dimension.newBuilder();
            if (dims[i] == -1) {
                d.setDimParam(BATCH);
            } else if (dims[i] == -2) {
                d.setDimParam(i == dims.length - 2 ? "height" : "width");
            } else {
                d.setDimValue(dims[i]);
            }
            shape.addDim(d);
        }
        return ValueInfoProto.newBuilder().setName(name).setDocString(doc)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(type.getNumber()).setShape(shape))).build();
    }

    String floats(String hint, float[] values, long... dims) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return tensor(hint, TensorProto.DataType.FLOAT, ByteString.copyFrom(b.array()), dims);
    }

    String doubles(String hint, double[] values, long... dims) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(values);
        return tensor(hint, TensorProto.DataType.DOUBLE, ByteString.copyFrom(b.array()), dims);
    }

    String int64s(String hint, long[] values, long... dims) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return tensor(hint, TensorProto.DataType.INT64, ByteString.copyFrom(b.array()), dims);
    }

    String int8s(String hint, byte[] values, long... dims) {
        return tensor(hint, TensorProto.DataType.INT8, ByteString.copyFrom(values), dims);
    }

    String strings(String hint, List<String> values, long... dims) {
        String name = fresh(hint);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.STRING_VALUE);
        for (long d : dims) {
            t.addDims(d);
        }
        values.forEach(v -> t.addStringData(ByteString.copyFrom(v, StandardCharsets.UTF_8)));
        graph.addInitializer(t);
        return name;
    }

    private String tensor(String hint, TensorProto.DataType type, ByteString raw, long... dims) {
        String name = fresh(hint);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber()).setRawData(raw);
        for (long d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    /** A node with one output of a fresh name. */
    String op(String opType, List<String> inputs, AttributeProto... attributes) {
        String out = fresh(opType.toLowerCase(java.util.Locale.ROOT));
        node(opType, inputs, out, attributes);
        return out;
    }

    /** A node whose output has a chosen name (a graph output). */
    void node(String opType, List<String> inputs, String output, AttributeProto... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(opType).setName(fresh("node")).addAllInput(inputs)
                .addOutput(output);
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
    }

    static AttributeProto attr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto attr(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto floatAttr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    static AttributeProto attr(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFrom(value, StandardCharsets.UTF_8)).build();
    }

    /** The whole model file: this graph, operator set {@link #OPSET}, who made it and free-text properties. */
    byte[] model(String producerVersion, String doc, Map<String, String> metadata) {
        ModelProto.Builder m = ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("MedFed Workbench")
                .setProducerVersion(producerVersion).setModelVersion(1).setDocString(doc)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph);
        metadata.forEach((k, v) -> m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return m.build().toByteArray();
    }
}
