package org.ndsw.train.dl4j;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.ndsw.train.Sgd;

/**
 * SGD with momentum (optionally Nesterov) and L2 weight decay, step for step as torch.optim.SGD with dampening 0, on
 * the network's flat parameter and gradient vectors: a handful of vector ops per step however deep the network.
 *
 * <p>DL4J's Nesterovs updater uses another (lr-scaled) momentum form and its L2 skips BN and bias by default, so the
 * update is written out here. A 0/1 mask keeps SGD off BN running statistics and off the zero taps of dilated depthwise
 * kernels. The running statistics take DL4J's own update (their "gradient" is old minus new, times 1 - decay),
 * corrected to PyTorch's unbiased batch variance.
 */
final class FlatSgd {
    /** DL4J's BN decay is the weight of the old running value: 0.9 = PyTorch's momentum 0.1 (pycls). */
    static final double BN_DECAY = 0.9;

    /** One BN layer's running statistics and their DL4J "gradients", with the values each batch average covers. */
    record RunningStats(INDArray mean, INDArray var, INDArray meanStep, INDArray varStep, long valuesPerImage) {}

    private final INDArray params;
    private final INDArray mask;
    private final INDArray buffer;
    private final INDArray step;
    private final List<RunningStats> stats;
    private boolean started;

    FlatSgd(INDArray params, INDArray mask, List<RunningStats> stats) {
        this.params = params;
        this.mask = mask;
        this.stats = stats;
        buffer = Nd4j.zeros(params.dataType(), params.length());
        step = Nd4j.zeros(params.dataType(), params.length());
    }

    /** Applies one step from the flat gradient of the last backward pass on a batch of this many images. */
    void step(INDArray gradient, Sgd sgd, int batchSize) {
        updateRunningStats(batchSize);
        INDArray g = gradient.reshape(params.length());
        INDArray w = params.reshape(params.length());
        step.assign(w).muli(sgd.weightDecay()).addi(g).muli(mask);
        INDArray d = step;
        if (sgd.momentum() != 0) {
            if (started) {
                buffer.muli(sgd.momentum()).addi(step);
            } else {
                buffer.assign(step);
                started = true;
            }
            if (sgd.nesterov()) {
                Nd4j.getBlasWrapper().level1().axpy(step.length(), sgd.momentum(), buffer, step);
            } else {
                d = buffer;
            }
        }
        Nd4j.getBlasWrapper().level1().axpy(w.length(), -sgd.lr(), d, w);
    }

    /** running = decay·running + (1 - decay)·batch, with the batch variance made unbiased as PyTorch does. */
    private void updateRunningStats(int batchSize) {
        for (RunningStats s : stats) {
            s.mean().subi(s.meanStep());
            long n = s.valuesPerImage() * batchSize;
            INDArray batchVar = s.var().sub(s.varStep().div(1 - BN_DECAY));
            double unbias = n > 1 ? (double) n / (n - 1) : 1;
            s.var().muli(BN_DECAY).addi(batchVar.muli((1 - BN_DECAY) * unbias));
        }
    }

    /** The flat momentum buffer (all zeros before the first step). */
    INDArray buffer() {
        return buffer;
    }

    /** True once a step has filled the momentum buffer. */
    boolean started() {
        return started;
    }

    /** Marks the buffer as filled (after restoring it) or empty. */
    void setStarted(boolean value) {
        started = value;
        if (!value) {
            buffer.assign(0);
        }
    }
}
