package org.ndsw.train.reference;

import java.util.Map;
import org.ndsw.NdswException;
import org.ndsw.net.Graph;
import org.ndsw.net.Shape;
import org.ndsw.train.Batch;
import org.ndsw.train.EngineModel;
import org.ndsw.train.ParameterLayout;
import org.ndsw.train.Sgd;
import org.ndsw.train.StepResult;
import org.ndsw.train.Tensor;
import org.ndsw.train.WeightInit;
import org.ndsw.train.Weights;

/**
 * A graph's model evaluated in double precision with plain loops, forward and backward: the reference the engines
 * are checked against.
 *
 * <p>Weights move in and out as float32 under {@link ParameterLayout} names and are held as doubles in between. The
 * last node's output, flattened per image, is the logits of the mean softmax cross-entropy loss. Until weights are
 * loaded the model holds {@link WeightInit} weights of seed 0.
 */
public final class ReferenceModel implements EngineModel {
    private final Graph graph;
    private final Parameters params;
    private final MomentumSgd sgd = new MomentumSgd();

    ReferenceModel(Graph graph) {
        this.graph = graph;
        params = new Parameters(graph);
        params.load(WeightInit.initial(graph, 0));
    }

    @Override
    public long trainableParameters() {
        return ParameterLayout.trainableCount(graph);
    }

    @Override
    public String deviceDescription() {
        return "reference (cpu, double precision)";
    }

    @Override
    public StepResult trainStep(Batch batch, Sgd settings) {
        GraphPass pass = forward(batch, true);
        CrossEntropy loss = loss(pass, batch);
        Map<String, double[]> gradients = pass.backward(loss.gradient());
        pass.updateRunningStats();
        sgd.step(params, gradients, settings);
        return loss.result(batch.size());
    }

    @Override
    public StepResult evaluate(Batch batch) {
        return loss(forward(batch, false), batch).result(batch.size());
    }

    @Override
    public Tensor predict(Batch batch) {
        double[] out = forward(batch, false).output();
        Shape s = graph.output().shape();
        int[] shape = s.height() == 1 && s.width() == 1 ? new int[] {batch.size(), s.channels()}
                : new int[] {batch.size(), s.channels(), s.height(), s.width()};
        float[] data = new float[out.length];
        for (int i = 0; i < out.length; i++) {
            data[i] = (float) out[i];
        }
        return new Tensor(shape, data);
    }

    /**
     * d(mean loss)/d(every trainable tensor) on a batch in training mode (BN with batch statistics), under
     * {@link ParameterLayout} names; changes nothing, not even BN running statistics.
     */
    public Weights gradients(Batch batch) {
        return params.toWeights(gradientValues(batch));
    }

    /** {@link #gradients} in double precision. */
    Map<String, double[]> gradientValues(Batch batch) {
        GraphPass pass = forward(batch, true);
        return pass.backward(loss(pass, batch).gradient());
    }

    /** The mean loss on a batch in training mode, without updating BN running statistics. */
    double trainingLoss(Batch batch) {
        return loss(forward(batch, true), batch).meanLoss();
    }

    /** The live double values of a tensor of the layout, for tests that perturb them. */
    double[] values(String name) {
        return params.get(name);
    }

    @Override
    public Weights weights() {
        return params.weights();
    }

    @Override
    public void loadWeights(Weights weights) {
        params.load(weights);
    }

    @Override
    public Weights optimizerState() {
        return params.toWeights(sgd.buffers());
    }

    @Override
    public void loadOptimizerState(Weights state) {
        sgd.setBuffers(params.trainableValues(state));
    }

    /** Nothing to free: the model lives on the Java heap. */
    @Override
    public void close() {}

    private GraphPass forward(Batch batch, boolean training) {
        long expected = batch.size() * graph.input().shape().elements();
        if (batch.images().length != expected) {
            throw new NdswException("a batch of " + batch.size() + " images of " + graph.input().shape() + " needs "
                    + expected + " values, got " + batch.images().length);
        }
        return GraphPass.forward(graph, params, batch.images(), batch.size(), training);
    }

    private CrossEntropy loss(GraphPass pass, Batch batch) {
        return CrossEntropy.of(pass.output(), batch.labels(), Math.toIntExact(graph.output().shape().elements()));
    }
}
