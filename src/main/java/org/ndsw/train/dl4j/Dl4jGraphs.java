package org.ndsw.train.dl4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.ScaleVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.NoOp;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.net.Graph;
import org.ndsw.net.Layer;
import org.ndsw.net.Node;
import org.ndsw.train.ParameterLayout;

/**
 * Turns an engine-neutral {@link Graph} into a DL4J ComputationGraph configuration, one vertex per node named after it
 * (a BN node read only by a ReLU shares one vertex with it, named after the ReLU), and records where each
 * {@link ParameterLayout} tensor lives.
 *
 * <p>Ops DL4J lacks are composed exactly (docs/reference/toolchain-notes.md#dl4j-pitfalls): grouped conv = per-group channel subset, conv, merge;
 * dilated depthwise conv = undilated (d·(k-1)+1)² depthwise kernel with zeros off the lattice (kept at zero by the
 * trainable mask of {@link FlatSgd}); "none" = 1x1 stride-s subsampling times 0; shift = zero pad right/bottom, crop
 * top/left. Average pooling leaves padding out of the divisor, as the graph requires. Drop-path nodes read a second
 * network input, {@value #MASKS} [N, slots], through {@link DropPathVertex}; an auxiliary head's logits are a second
 * network output.
 */
final class Dl4jGraphs {
    /** The system property that can keep every graph in NCHW ({@code -Dndsw.dl4j.layout=nchw}). */
    static final String LAYOUT_PROPERTY = "ndsw.dl4j.layout";

    /** The network input holding the drop-path masks, one column per slot (graph node names have no '~'). */
    static final String MASKS = "~masks";

    private Dl4jGraphs() {}

    /**
     * A configuration and the parameter bindings of its graph, in layout order.
     *
     * @param output the vertex giving the logits (the first network output)
     * @param aux the vertex giving the auxiliary head's logits (the second network output), or null
     * @param deadEnds nodes nothing reads (a cell's unused preprocessed input): extra network outputs that get a zero
     *     error, so they run and train (weight decay, BN statistics) as in DJL, which evaluates every node
     * @param maskSlots columns of the {@value #MASKS} input (0: the network has the image input only)
     * @param format the layout of the image input and of every map inside the network
     */
    record Built(ComputationGraphConfiguration conf, List<Binding> bindings, String output, String aux,
            List<String> deadEnds, int maskSlots, CNN2DFormat format) {}

    /**
     * Builds the configuration of a graph with its maps in NCHW (batch, channels, height, width) or NHWC (channels
     * last). Every layer takes the layout from the input type; parameters are laid out the same in both.
     */
    static Built build(Graph graph, WorkspaceMode workspaces, CNN2DFormat format) {
        if (format == CNN2DFormat.NHWC && !channelsLastReady(graph)) {
            throw new IllegalArgumentException("DL4J has no channels-last path for every op of this network");
        }
        ComputationGraphConfiguration.GraphBuilder b = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .updater(new NoOp())
                .convolutionMode(ConvolutionMode.Truncate)
                .trainingWorkspaceMode(workspaces)
                .inferenceWorkspaceMode(workspaces)
                .graphBuilder();
        Node in = graph.input();
        int slots = graph.dropPathSlots();
        if (slots > 0) {
            b.addInputs(in.name(), MASKS);
        } else {
            b.addInputs(in.name());
        }
        List<Binding> bindings = new ArrayList<>();
        Map<String, ParameterLayout.Entry> entries = new HashMap<>();
        ParameterLayout.of(graph).forEach(e -> entries.put(e.name(), e));
        Set<Integer> fused = bnBeforeRelu(graph);
        for (Node n : graph.nodes().subList(1, graph.nodes().size())) {
            if (fused.contains(n.id())) {
                continue;
            }
            Node before = n.layer() instanceof Layer.Relu ? graph.node(n.inputs().get(0)) : null;
            if (before != null && fused.contains(before.id())) {
                String[] inputs = before.inputs().stream().map(i -> graph.node(i).name()).toArray(String[]::new);
                batchNorm(b, n.name(), before.name(), (Layer.BatchNorm) before.layer(), true, inputs, entries,
                        bindings);
            } else {
                add(b, graph, n, entries, bindings);
            }
        }
        List<String> deadEnds = deadEnds(graph);
        List<String> outputs = new ArrayList<>(List.of(graph.output().name()));
        String aux = graph.hasAux() ? graph.aux().name() : null;
        if (aux != null) {
            outputs.add(aux);
        }
        outputs.addAll(deadEnds);
        b.setOutputs(outputs.toArray(String[]::new));
        InputType images = InputType.convolutional(in.shape().height(), in.shape().width(), in.shape().channels(),
                format);
        if (slots > 0) {
            b.setInputTypes(images, InputType.feedForward(slots));
        } else {
            b.setInputTypes(images);
        }
        b.allowNoOutput(false);
        return new Built(b.build(), bindings, graph.output().name(), aux, deadEnds, slots, format);
    }

    /**
     * The layout a graph trains in: channels-last (NHWC) when {@code setting} is "auto" and every op of the graph has
     * a channels-last path (plain convolutions, BN, ReLU, add, pooling, global pooling, linear), else NCHW; "nchw"
     * always gives NCHW. In NHWC oneDNN's forward convolutions read and write the maps as they are, where NCHW maps
     * were reordered to channels-last and back on every call (decision 0007).
     */
    static CNN2DFormat layout(Graph graph, String setting) {
        return switch (setting) {
            case "auto" -> channelsLastReady(graph) ? CNN2DFormat.NHWC : CNN2DFormat.NCHW;
            case "nchw" -> CNN2DFormat.NCHW;
            default -> throw new NdswException("-D" + LAYOUT_PROPERTY + " must be auto or nchw, not "
                    + Quote.of(setting));
        };
    }

    /** True if every op of the graph has a channels-last path here. */
    static boolean channelsLastReady(Graph graph) {
        for (Node n : graph.nodes().subList(1, graph.nodes().size())) {
            Layer l = n.layer();
            boolean ready = l instanceof Layer.Conv c ? c.groups() == 1 && !c.isDepthwise()
                    : l instanceof Layer.BatchNorm || l instanceof Layer.Relu || l instanceof Layer.Add
                    || l instanceof Layer.Pool || l instanceof Layer.GlobalAvgPool || l instanceof Layer.Linear;
            if (!ready) {
                return false;
            }
        }
        return true;
    }

    /**
     * BN nodes whose only reader is a ReLU: each pair becomes one BN layer with the ReLU built in, named after the
     * ReLU node, which saves DL4J's copies of the map and two passes over it each way (decision 0007).
     */
    private static Set<Integer> bnBeforeRelu(Graph graph) {
        int[] readers = new int[graph.nodes().size()];
        graph.nodes().forEach(n -> n.inputs().forEach(i -> readers[i]++));
        Set<Integer> out = new HashSet<>();
        for (Node n : graph.nodes()) {
            if (n.layer() instanceof Layer.Relu) {
                Node in = graph.node(n.inputs().get(0));
                if (in.layer() instanceof Layer.BatchNorm && readers[in.id()] == 1
                        && in.id() != graph.output().id()) {
                    out.add(in.id());
                }
            }
        }
        return out;
    }

    /** Nodes other than the outputs that no node reads. */
    private static List<String> deadEnds(Graph graph) {
        boolean[] read = new boolean[graph.nodes().size()];
        graph.nodes().forEach(n -> n.inputs().forEach(i -> read[i] = true));
        int aux = graph.hasAux() ? graph.aux().id() : -1;
        List<String> out = new ArrayList<>();
        for (Node n : graph.nodes()) {
            if (!read[n.id()] && n.id() != graph.output().id() && n.id() != aux) {
                out.add(n.name());
            }
        }
        return out;
    }

    private static void add(ComputationGraphConfiguration.GraphBuilder b, Graph graph, Node n,
            Map<String, ParameterLayout.Entry> entries, List<Binding> bindings) {
        String name = n.name();
        String[] inputs = n.inputs().stream().map(i -> graph.node(i).name()).toArray(String[]::new);
        Layer layer = n.layer();
        if (layer instanceof Layer.Conv c) {
            conv(b, name, inputs[0], c, entries.get(name + "." + ParameterLayout.WEIGHT), bindings);
        } else if (layer instanceof Layer.BatchNorm bn) {
            batchNorm(b, name, name, bn, false, inputs, entries, bindings);
        } else if (layer instanceof Layer.Linear l) {
            b.addLayer(name, new DenseLayer.Builder().nIn(l.inFeatures()).nOut(l.outFeatures()).hasBias(l.bias())
                    .activation(Activation.IDENTITY).build(), inputs);
            bindings.add(new Binding.Transposed(entries.get(name + "." + ParameterLayout.WEIGHT), name, "W"));
            if (l.bias()) {
                bindings.add(new Binding.Direct(entries.get(name + "." + ParameterLayout.BIAS), name, "b"));
            }
        } else if (layer instanceof Layer.Relu) {
            b.addLayer(name, new ActivationLayer.Builder().activation(new FastLayers.Relu()).build(), inputs);
        } else if (layer instanceof Layer.Add) {
            b.addVertex(name, new ElementWiseVertex(ElementWiseVertex.Op.Add), inputs);
        } else if (layer instanceof Layer.Concat) {
            b.addVertex(name, new MergeVertex(), inputs);
        } else if (layer instanceof Layer.Pool p) {
            b.addLayer(name, new SubsamplingLayer.Builder(p.kind() == Layer.PoolKind.MAX ? PoolingType.MAX
                    : PoolingType.AVG).kernelSize(p.kernel(), p.kernel()).stride(p.stride(), p.stride())
                    .padding(p.padding(), p.padding()).avgPoolIncludePadInDivisor(false).build(), inputs);
        } else if (layer instanceof Layer.Zero z) {
            String from = inputs[0];
            if (z.stride() > 1) {
                from = name + "~sub";
                b.addLayer(from, new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(1, 1)
                        .stride(z.stride(), z.stride()).build(), inputs);
            }
            b.addVertex(name, new ScaleVertex(0.0), from);
        } else if (layer instanceof Layer.Shift) {
            b.addLayer(name + "~pad", new ZeroPaddingLayer.Builder(0, 1, 0, 1).build(), inputs);
            b.addLayer(name, new Cropping2D.Builder(1, 0, 1, 0).build(), name + "~pad");
        } else if (layer instanceof Layer.GlobalAvgPool) {
            b.addLayer(name, new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), inputs);
        } else if (layer instanceof Layer.DropPath d) {
            b.addVertex(name, new DropPathVertex(d.slot()), inputs[0], MASKS);
        } else if (layer instanceof Layer.Sigmoid) {
            b.addLayer(name, new ActivationLayer.Builder().activation(Activation.SIGMOID).build(), inputs);
        } else if (layer instanceof Layer.ChannelScale) {
            b.addVertex(name, new ChannelScaleVertex(), inputs);
        } else {
            throw new IllegalStateException("no DL4J implementation of " + layer);
        }
    }

    /** A BN layer named {@code vertex} holding the parameters of BN node {@code node}, optionally with ReLU. */
    private static void batchNorm(ComputationGraphConfiguration.GraphBuilder b, String vertex, String node,
            Layer.BatchNorm bn, boolean relu, String[] inputs, Map<String, ParameterLayout.Entry> entries,
            List<Binding> bindings) {
        b.addLayer(vertex, new FastLayers.BatchNorm(new BatchNormalization.Builder().nIn(bn.channels())
                .nOut(bn.channels()).eps(bn.eps()).decay(FlatSgd.BN_DECAY).useLogStd(false)
                .activation(Activation.IDENTITY).build(), relu), inputs);
        for (String suffix : new String[] {ParameterLayout.WEIGHT, ParameterLayout.BIAS,
                ParameterLayout.RUNNING_MEAN, ParameterLayout.RUNNING_VAR}) {
            bindings.add(new Binding.Direct(entries.get(node + "." + suffix), vertex, bnKey(suffix)));
        }
    }

    private static void conv(ComputationGraphConfiguration.GraphBuilder b, String name, String input, Layer.Conv c,
            ParameterLayout.Entry entry, List<Binding> bindings) {
        if (c.isDepthwise()) {
            int k = c.dilation() * (c.kernelH() - 1) + 1;
            int kw = c.dilation() * (c.kernelW() - 1) + 1;
            b.addLayer(name, new FastLayers.Depthwise(new DepthwiseConvolution2D.Builder(k, kw)
                    .stride(c.strideH(), c.strideW()).padding(c.padH(), c.padW()).nIn(c.inChannels())
                    .depthMultiplier(1).hasBias(false).activation(Activation.IDENTITY)), input);
            bindings.add(new Binding.Depthwise(entry, name, c.dilation()));
        } else if (c.groups() == 1 && stridedPointwise(c)) {
            String sub = name + "~sub";
            b.addLayer(sub, new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(1, 1)
                    .stride(c.strideH(), c.strideW()).build(), input);
            Layer.Conv unit = new Layer.Conv(c.inChannels(), c.outChannels(), 1, 1, 1, 1, 0, 0, c.dilation(), 1);
            b.addLayer(name, convLayer(unit, c.inChannels(), c.outChannels()), sub);
            bindings.add(new Binding.Direct(entry, name, "W"));
        } else if (c.groups() == 1) {
            b.addLayer(name, convLayer(c, c.inChannels(), c.outChannels()), input);
            bindings.add(new Binding.Direct(entry, name, "W"));
        } else {
            int gin = c.inChannels() / c.groups();
            int gout = c.outChannels() / c.groups();
            List<String> layers = new ArrayList<>();
            String[] outs = new String[c.groups()];
            for (int g = 0; g < c.groups(); g++) {
                String sub = name + "~in" + g;
                b.addVertex(sub, new ChannelSubsetVertex(g * gin, (g + 1) * gin - 1), input);
                outs[g] = name + "~g" + g;
                b.addLayer(outs[g], convLayer(c, gin, gout), sub);
                layers.add(outs[g]);
            }
            b.addVertex(name, new MergeVertex(), outs);
            bindings.add(new Binding.Grouped(entry, layers));
        }
    }

    /**
     * A 1x1 convolution without padding and with a stride above one runs as a 1x1 subsampling into a unit-stride 1x1
     * convolution: the same function and gradients without oneDNN's strided 1x1 path (decision 0011).
     */
    static boolean stridedPointwise(Layer.Conv c) {
        return c.kernelH() == 1 && c.kernelW() == 1 && c.padH() == 0 && c.padW() == 0
                && (c.strideH() > 1 || c.strideW() > 1);
    }

    private static ConvolutionLayer convLayer(Layer.Conv c, int in, int out) {
        return new FastLayers.Conv(new ConvolutionLayer.Builder(c.kernelH(), c.kernelW()).stride(c.strideH(),
                c.strideW()).padding(c.padH(), c.padW()).dilation(c.dilation(), c.dilation()).nIn(in).nOut(out)
                .hasBias(false).activation(Activation.IDENTITY));
    }

    private static String bnKey(String suffix) {
        return switch (suffix) {
            case ParameterLayout.WEIGHT -> "gamma";
            case ParameterLayout.BIAS -> "beta";
            case ParameterLayout.RUNNING_MEAN -> "mean";
            default -> "var";
        };
    }
}
