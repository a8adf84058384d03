package org.ndsw.train.dl4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.ndsw.NdswException;
import org.ndsw.net.Graph;
import org.ndsw.net.Layer;
import org.ndsw.net.Node;
import org.ndsw.train.Batch;
import org.ndsw.train.EngineModel;
import org.ndsw.train.ParameterLayout;
import org.ndsw.train.Sgd;
import org.ndsw.train.StepResult;
import org.ndsw.train.Tensor;
import org.ndsw.train.Weights;

/**
 * A graph's model in DL4J: a ComputationGraph whose first output gives the logits; the softmax cross-entropy and its
 * gradient are computed here and fed back as the output error, and {@link FlatSgd} updates the flat parameters. An
 * auxiliary head is the second output, its error the aux weight times its cross-entropy's gradient (DARTS' loss
 * CE + w·CE_aux); drop-path masks enter as the second network input.
 */
final class Dl4jModel implements EngineModel {
    private final Graph graph;
    private final TrainingGraph net;
    private final List<Binding> bindings;
    private final String output;
    private final String aux;
    private final List<String> deadEnds;
    private final int maskSlots;
    private final boolean channelsLast;
    private final INDArray mask;
    private final FlatSgd sgd;
    private final String deviceDescription;

    Dl4jModel(Graph graph, Dl4jGraphs.Built built, String deviceDescription) {
        this.graph = graph;
        this.deviceDescription = deviceDescription;
        net = new TrainingGraph(built.conf());
        net.init();
        net.initGradientsView();
        bindings = built.bindings();
        output = built.output();
        aux = built.aux();
        deadEnds = built.deadEnds();
        maskSlots = built.maskSlots();
        channelsLast = built.format() == org.deeplearning4j.nn.conf.CNN2DFormat.NHWC;
        mask = Nd4j.zeros(net.params().dataType(), net.params().length());
        Binding.Views maskViews = viewsOf(mask);
        for (Binding b : bindings) {
            if (b.entry().trainable()) {
                b.write(maskViews, Tensor.filled(b.entry().shape(), 1f));
            }
        }
        sgd = new FlatSgd(net.params(), mask, runningStats());
    }

    @Override
    public long trainableParameters() {
        // Counted from the bindings as integers: the float mask's sum is inexact above 2^24 (16.8 M) parameters.
        long n = 0;
        for (Binding b : bindings) {
            if (b.entry().trainable()) {
                n += Tensor.elements(b.entry().shape());
            }
        }
        return n;
    }

    @Override
    public String deviceDescription() {
        return deviceDescription;
    }

    @Override
    public StepResult trainStep(Batch batch, Sgd settings) {
        Loss[] losses = net.step(inputs(batch), acts -> {
            Loss l = Loss.of(acts.get(output).dup('c').data().asFloat(), batch.labels());
            Loss a = aux == null ? null : Loss.of(acts.get(aux).dup('c').data().asFloat(), batch.labels());
            List<INDArray> errors = new ArrayList<>();
            errors.add(Nd4j.create(l.gradient(), new long[] {batch.size(), l.classes()}, 'c'));
            if (a != null) {
                errors.add(Nd4j.create(a.gradient(), new long[] {batch.size(), a.classes()}, 'c')
                        .muli(settings.auxWeight()));
            }
            for (String d : deadEnds) {
                errors.add(Nd4j.zeros(acts.get(d).dataType(), acts.get(d).shape()));
            }
            return new TrainingGraph.Errors<>(errors.toArray(INDArray[]::new), new Loss[] {l, a});
        });
        sgd.step(net.getFlattenedGradients(), settings, batch.size());
        Loss loss = losses[0];
        return new StepResult(loss.sum(), loss.correct(), batch.size(), losses[1] == null ? 0 : losses[1].sum());
    }

    @Override
    public StepResult evaluate(Batch batch) {
        Loss loss = Loss.of(logits(batch), batch.labels());
        return new StepResult(loss.sum(), loss.correct(), batch.size());
    }

    @Override
    public Tensor predict(Batch batch) {
        org.ndsw.net.Shape s = graph.output().shape();
        int[] shape = s.height() == 1 && s.width() == 1 ? new int[] {batch.size(), s.channels()}
                : new int[] {batch.size(), s.channels(), s.height(), s.width()};
        return new Tensor(shape, logits(batch));
    }

    @Override
    public Weights weights() {
        Binding.Views views = paramViews();
        Map<String, Tensor> out = new LinkedHashMap<>();
        bindings.forEach(b -> out.put(b.entry().name(), b.read(views)));
        return new Weights(out);
    }

    @Override
    public void loadWeights(Weights weights) {
        Binding.Views views = paramViews();
        for (Binding b : bindings) {
            b.write(views, checked(weights, b.entry()));
        }
    }

    @Override
    public Weights optimizerState() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        if (sgd.started()) {
            Binding.Views views = viewsOf(sgd.buffer());
            bindings.stream().filter(b -> b.entry().trainable()).forEach(b -> out.put(b.entry().name(), b.read(views)));
        }
        return new Weights(out);
    }

    @Override
    public void loadOptimizerState(Weights state) {
        for (String name : state.tensors().keySet()) {
            if (bindings.stream().noneMatch(b -> b.entry().trainable() && b.entry().name().equals(name))) {
                throw new NdswException("optimizer state names an unknown parameter " + name);
            }
        }
        sgd.setStarted(false);
        Binding.Views views = viewsOf(sgd.buffer());
        for (Binding b : bindings) {
            Tensor t = state.get(b.entry().name());
            if (t != null) {
                b.write(views, t);
            }
        }
        sgd.setStarted(!state.tensors().isEmpty());
    }

    @Override
    public void close() {
        net.close();
    }

    private float[] logits(Batch batch) {
        return net.output(false, inputs(batch))[0].dup('c').data().asFloat();
    }

    /**
     * The images (NCHW, or made dense in NHWC order for a channels-last network) and, for a network with drop-path,
     * the masks as [N, slots] (ones when the batch has none).
     */
    private INDArray[] inputs(Batch batch) {
        org.ndsw.net.Shape in = graph.input().shape();
        INDArray images = Nd4j.create(batch.images(), new long[] {batch.size(), in.channels(), in.height(),
            in.width()}, 'c');
        if (channelsLast) {
            images = images.permute(0, 2, 3, 1).dup('c');
        }
        if (maskSlots == 0) {
            return new INDArray[] {images};
        }
        INDArray masks = batch.masks() == null ? Nd4j.ones(DataType.FLOAT, batch.size(), maskSlots)
                : Nd4j.create(batch.masks(), new long[] {maskSlots, batch.size()}, 'c').transpose().dup('c');
        return new INDArray[] {images, masks};
    }

    private static Tensor checked(Weights weights, ParameterLayout.Entry e) {
        Tensor t = weights.get(e.name());
        if (t == null) {
            throw new NdswException("weights have no tensor " + e.name());
        }
        if (!Arrays.equals(t.shape(), e.shape())) {
            throw new NdswException("weights tensor " + e.name() + " has shape " + t.shapeText() + ", the model needs "
                    + Arrays.toString(e.shape()));
        }
        return t;
    }

    /** Views of the layers' own parameters. */
    private Binding.Views paramViews() {
        return (layer, key) -> net.getLayer(layer).getParam(key);
    }

    /**
     * Views into another flat vector laid out like the parameters (gradient, momentum buffer, mask): same shape,
     * strides and order as the parameter view, at the same offset.
     */
    private Binding.Views viewsOf(INDArray flat) {
        INDArray params = net.params();
        return (layer, key) -> {
            INDArray p = net.getLayer(layer).getParam(key);
            return Nd4j.create(flat.data(), p.shape(), p.stride(), p.offset() - params.offset() + flat.offset(),
                    p.ordering());
        };
    }

    private List<FlatSgd.RunningStats> runningStats() {
        Binding.Views grads = viewsOf(net.getFlattenedGradients());
        List<FlatSgd.RunningStats> out = new ArrayList<>();
        for (Node n : graph.nodes()) {
            if (n.layer() instanceof Layer.BatchNorm) {
                // the layer holding the node's parameters (a BN node read only by a ReLU shares the ReLU's layer)
                String name = bindings.stream().filter(b -> b.entry().name().equals(n.name() + "."
                        + ParameterLayout.RUNNING_MEAN)).map(b -> ((Binding.Direct) b).layer()).findFirst()
                        .orElseThrow();
                var layer = net.getLayer(name);
                out.add(new FlatSgd.RunningStats(layer.getParam("mean"), layer.getParam("var"),
                        grads.view(name, "mean"), grads.view(name, "var"),
                        (long) n.shape().height() * n.shape().width()));
            }
        }
        return out;
    }
}
