package org.ndsw.train;

/**
 * One model inside an engine: trains on batches, evaluates, and moves its weights in and out.
 *
 * <p>Not thread-safe: one thread drives a model. Close it to free native memory.
 */
public interface EngineModel extends AutoCloseable {
    /**
     * Trainable parameters as the engine counts them: BN running statistics excluded, an auxiliary head included
     * ({@link ParameterLayout#trainableCount} + {@link ParameterLayout#auxiliaryCount}).
     */
    long trainableParameters();

    /** A description of where the model runs, e.g. "cpu (2 threads)". */
    String deviceDescription();

    /**
     * One SGD step on a batch in training mode (BN uses batch statistics and updates its running ones, drop-path
     * applies the batch's masks, and an auxiliary head's loss is added with the step's aux weight).
     */
    StepResult trainStep(Batch batch, Sgd sgd);

    /** Loss and correct predictions on a batch in inference mode (main output only), without gradients. */
    StepResult evaluate(Batch batch);

    /** The output of the graph's last node for a batch in inference mode, batch axis first (labels unused). */
    Tensor predict(Batch batch);

    /** Parameters and BN running statistics under their {@link ParameterLayout} names. */
    Weights weights();

    /** Sets every tensor of the {@link ParameterLayout}; names and shapes must match. */
    void loadWeights(Weights weights);

    /** The optimizer's momentum buffers under the parameter names (empty before the first step). */
    Weights optimizerState();

    /** Restores momentum buffers saved by {@link #optimizerState}. */
    void loadOptimizerState(Weights state);

    /** Frees the model's native memory. */
    @Override
    void close();
}
