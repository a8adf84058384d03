package org.ndsw.train.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ndsw.NdswException;
import org.ndsw.net.Graph;
import org.ndsw.train.Batch;
import org.ndsw.train.EngineModel;
import org.ndsw.train.ParameterLayout;
import org.ndsw.train.Sgd;
import org.ndsw.train.StepResult;
import org.ndsw.train.Tensor;
import org.ndsw.train.Weights;

/**
 * A graph's model in DJL over PyTorch.
 *
 * <p>Every step runs in its own sub-manager, closed at the end of the step, so no activation outlives its batch.
 */
final class DjlModel implements EngineModel {
    private final Engine engine;
    private final NDManager manager;
    private final GraphBlock block;
    private final ParameterStore store;
    private final Map<String, Parameter> tensors;
    private final NesterovSgd sgd;
    private final String deviceDescription;
    private final boolean channelsLast;

    /**
     * @param channelsLast whether batches enter the network in PyTorch's channels_last layout (numerically the same
     *     network; faster on CPU, see docs/training.md)
     */
    DjlModel(Engine engine, NDManager manager, Graph graph, String deviceDescription, boolean channelsLast) {
        onThisThread();
        this.engine = engine;
        this.manager = manager;
        this.deviceDescription = deviceDescription;
        this.channelsLast = channelsLast;
        block = new GraphBlock(graph);
        org.ndsw.net.Shape in = graph.input().shape();
        block.initialize(manager, DataType.FLOAT32, new Shape(1, in.channels(), in.height(), in.width()));
        store = new ParameterStore(manager, false);
        tensors = DjlParameters.byLayoutName(block);
        Map<String, NDArray> trainable = new LinkedHashMap<>();
        tensors.forEach((name, p) -> {
            if (p.requiresGradient()) {
                trainable.put(name, p.getArray());
            }
        });
        sgd = new NesterovSgd(trainable, manager);
    }

    /**
     * Turns PyTorch's autograd recording off for the calling thread. PyTorch keeps that mode per thread and DJL turns
     * it off only on the thread that loaded the engine, so a model used from any other thread (a worker's training
     * thread when the engine was loaded while the data was read) would record the optimizer's in-place updates and the
     * weight copies, which PyTorch refuses on parameters. The gradient collector turns it on for each step itself.
     */
    private static void onThisThread() {
        JniUtils.setGradMode(false);
    }

    @Override
    public long trainableParameters() {
        return block.getParameters().values().stream().filter(Parameter::requiresGradient)
                .mapToLong(p -> p.getArray().size()).sum();
    }

    @Override
    public String deviceDescription() {
        return deviceDescription;
    }

    @Override
    public StepResult trainStep(Batch batch, Sgd settings) {
        onThisThread();
        try (NDManager step = manager.newSubManager()) {
            NDList inputs = new NDList(images(step, batch));
            if (batch.masks() != null) {
                inputs.add(step.create(batch.masks(), new Shape(batch.maskSlots(), batch.size())));
            }
            NDArray y = step.create(toLongs(batch.labels()));
            NDArray logits;
            NDArray loss;
            NDArray auxLoss = null;
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDList out = block.forward(store, inputs, true);
                logits = out.get(0);
                loss = crossEntropy(logits, y);
                NDArray total = loss;
                if (out.size() > 1) {
                    // DARTS train.py: loss += auxiliary_weight * criterion(logits_aux, target)
                    auxLoss = crossEntropy(out.get(1), y);
                    total = loss.add(auxLoss.mul(settings.auxWeight()));
                }
                collector.backward(total);
            }
            StepResult r = result(logits, y, loss, batch.size());
            sgd.step(settings);
            return auxLoss == null ? r : new StepResult(r.lossSum(), r.correct(), r.size(),
                    auxLoss.getFloat() * (double) batch.size());
        }
    }

    @Override
    public StepResult evaluate(Batch batch) {
        onThisThread();
        try (NDManager step = manager.newSubManager()) {
            NDArray logits = block.forward(store, new NDList(images(step, batch)), false).singletonOrThrow();
            NDArray y = step.create(toLongs(batch.labels()));
            return result(logits, y, crossEntropy(logits, y), batch.size());
        }
    }

    @Override
    public Tensor predict(Batch batch) {
        onThisThread();
        try (NDManager step = manager.newSubManager()) {
            NDArray out = block.forward(store, new NDList(images(step, batch)), false).singletonOrThrow();
            org.ndsw.net.Shape s = block.graph().output().shape();
            int[] shape = s.height() == 1 && s.width() == 1 ? new int[] {batch.size(), s.channels()}
                    : new int[] {batch.size(), s.channels(), s.height(), s.width()};
            return new Tensor(shape, out.toFloatArray());
        }
    }

    @Override
    public Weights weights() {
        onThisThread();
        Map<String, Tensor> out = new LinkedHashMap<>();
        tensors.forEach((name, p) -> out.put(name, toTensor(p.getArray())));
        return new Weights(out);
    }

    @Override
    public void loadWeights(Weights weights) {
        onThisThread();
        for (ParameterLayout.Entry e : ParameterLayout.of(block.graph())) {
            Tensor t = weights.get(e.name());
            if (t == null) {
                throw new NdswException("weights have no tensor " + e.name());
            }
            if (!java.util.Arrays.equals(t.shape(), e.shape())) {
                throw new NdswException("weights tensor " + e.name() + " has shape " + t.shapeText() + ", the model needs "
                        + java.util.Arrays.toString(e.shape()));
            }
            copyInto(tensors.get(e.name()).getArray(), t);
        }
    }

    /**
     * Copies values into an existing array in place (x[0:n] = values), so optimizer references stay valid; DJL's
     * NDArray.set(Buffer) would instead swap the tensor's storage.
     */
    private void copyInto(NDArray target, Tensor t) {
        try (NDManager temp = manager.newSubManager()) {
            NDArray values = temp.create(t.data(), shapeOf(t.shape()));
            JniUtils.indexSet((PtNDArray) target, (PtNDArray) values, new long[] {0},
                    new long[] {t.shape()[0]}, new long[] {1});
        }
    }

    @Override
    public Weights optimizerState() {
        onThisThread();
        Map<String, Tensor> out = new LinkedHashMap<>();
        sgd.buffers().forEach((name, a) -> out.put(name, toTensor(a)));
        return new Weights(out);
    }

    @Override
    public void loadOptimizerState(Weights state) {
        onThisThread();
        try (NDManager temp = manager.newSubManager()) {
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            for (Map.Entry<String, Tensor> e : state.tensors().entrySet()) {
                Parameter p = tensors.get(e.getKey());
                if (p == null || !p.requiresGradient()) {
                    throw new NdswException("optimizer state names an unknown parameter " + e.getKey());
                }
                Tensor t = e.getValue();
                arrays.put(e.getKey(), temp.create(t.data(), shapeOf(t.shape())));
            }
            sgd.setBuffers(arrays);
        }
    }

    @Override
    public void close() {
        sgd.close();
        manager.close();
    }

    /** Mean softmax cross-entropy of logits [N, K] against labels [N]. */
    private static NDArray crossEntropy(NDArray logits, NDArray labels) {
        NDArray logp = logits.logSoftmax(1);
        return logp.gather(labels.reshape(-1, 1), 1).mean().neg();
    }

    private static StepResult result(NDArray logits, NDArray y, NDArray loss, int n) {
        long correct = logits.argMax(1).eq(y).countNonzero().getLong();
        return new StepResult(loss.getFloat() * (double) n, correct, n);
    }

    private NDArray images(NDManager m, Batch batch) {
        org.ndsw.net.Shape in = block.graph().input().shape();
        NDArray nchw = m.create(FloatBuffer.wrap(batch.images()),
                new Shape(batch.size(), in.channels(), in.height(), in.width()));
        return channelsLast ? toChannelsLast((PtNDArray) nchw) : nchw;
    }

    /**
     * The same [N, C, H, W] tensor with its values stored channel-fastest (PyTorch's channels_last): a dense [N, H, W, C]
     * copy viewed through a permutation. Every op of the graph keeps the layout of its input, so one conversion here
     * puts the whole network in it; PyTorch's oneDNN convolutions then skip their per-call layout reorders.
     */
    private static PtNDArray toChannelsLast(PtNDArray nchw) {
        long[] s = nchw.getShape().getShape();
        PtNDArray dense = JniUtils.flatten(JniUtils.permute(nchw, new long[] {0, 2, 3, 1}), 0, 3);
        return JniUtils.permute(JniUtils.reshape(dense, new long[] {s[0], s[2], s[3], s[1]}), new long[] {0, 3, 1, 2});
    }

    private static Tensor toTensor(NDArray a) {
        long[] s = a.getShape().getShape();
        int[] shape = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            shape[i] = Math.toIntExact(s[i]);
        }
        return new Tensor(shape, a.toFloatArray());
    }

    private static Shape shapeOf(int[] shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = shape[i];
        }
        return new Shape(s);
    }

    private static long[] toLongs(int[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
