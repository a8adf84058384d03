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
 * loaded the model holds {@link WeightInit} weights of seed 0. A graph with an auxiliary head trains on
 * CE(main) + auxWeight·CE(auxiliary), as DARTS does.
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
        return ParameterLayout.trainableCount(graph) + ParameterLayout.auxiliaryCount(graph);
    }

    @Override
    public String deviceDescription() {
        return "reference (cpu, double precision)";
    }

    @Override
    public StepResult trainStep(Batch batch, Sgd settings) {
        GraphPass pass = forward(batch, true);
        CrossEntropy loss = loss(pass, batch);
        CrossEntropy aux = auxLoss(pass, batch);
        Map<String, double[]> gradients = pass.backward(loss.gradient(), auxGradient(aux, settings.auxWeight()));
        pass.updateRunningStats();
        sgd.step(params, gradients, settings);
        StepResult r = loss.result(batch.size());
        return new StepResult(r.lossSum(), r.correct(), r.size(), aux == null ? 0 : aux.meanLoss() * batch.size());
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
        return gradients(batch, 0);
    }

    /** {@link #gradients} of the loss CE(main) + auxWeight·CE(auxiliary head). */
    public Weights gradients(Batch batch, double auxWeight) {
        return params.toWeights(gradientValues(batch, auxWeight));
    }

    /** {@link #gradients} in double precision. */
    Map<String, double[]> gradientValues(Batch batch, double auxWeight) {
        GraphPass pass = forward(batch, true);
        return pass.backward(loss(pass, batch).gradient(), auxGradient(auxLoss(pass, batch), auxWeight));
    }

    /** The mean loss CE(main) + auxWeight·CE(auxiliary) on a batch in training mode, BN running statistics kept. */
    double trainingLoss(Batch batch, double auxWeight) {
        GraphPass pass = forward(batch, true);
        CrossEntropy aux = auxLoss(pass, batch);
        return loss(pass, batch).meanLoss() + (aux == null ? 0 : auxWeight * aux.meanLoss());
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
        return GraphPass.forward(graph, params, batch, training);
    }

    private CrossEntropy loss(GraphPass pass, Batch batch) {
        return CrossEntropy.of(pass.output(), batch.labels(), Math.toIntExact(graph.output().shape().elements()));
    }

    /** The auxiliary head's loss, or null for a graph without one. */
    private CrossEntropy auxLoss(GraphPass pass, Batch batch) {
        return graph.hasAux() ? CrossEntropy.of(pass.auxOutput(), batch.labels(),
                Math.toIntExact(graph.aux().shape().elements())) : null;
    }

    /** auxWeight · d CE(aux) / d(aux logits), or null when the head gets no gradient. */
    private static double[] auxGradient(CrossEntropy aux, double auxWeight) {
        if (aux == null || auxWeight == 0) {
            return null;
        }
        double[] g = aux.gradient().clone();
        for (int i = 0; i < g.length; i++) {
            g[i] *= auxWeight;
        }
        return g;
    }
}
