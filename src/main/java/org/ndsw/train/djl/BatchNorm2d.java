package org.ndsw.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Affine batch normalization over the channel axis of NCHW maps, as torch.nn.BatchNorm2d (momentum 0.1).
 *
 * <p>DJL's BatchNorm routes channel axis 1 through a sub-manager and two axis swaps per call; PyTorch normalizes axis
 * 1 natively, so this block hands the arrays straight to it (axis -1 is DJL's "backend default" path).
 */
final class BatchNorm2d extends AbstractBlock {
    private static final byte VERSION = 1;
    /** DJL's momentum is the weight of the old running value: 0.9 = PyTorch's momentum 0.1 (pycls). */
    private static final float DJL_MOMENTUM = 0.9f;

    private final int channels;
    private final float eps;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;

    BatchNorm2d(int channels, double eps) {
        super(VERSION);
        this.channels = channels;
        this.eps = (float) eps;
        gamma = addParameter(parameter("gamma", Parameter.Type.GAMMA, true));
        beta = addParameter(parameter("beta", Parameter.Type.BETA, true));
        runningMean = addParameter(parameter("runningMean", Parameter.Type.RUNNING_MEAN, false));
        runningVar = addParameter(parameter("runningVar", Parameter.Type.RUNNING_VAR, false));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return x.getNDArrayInternal().batchNorm(x, value(store, runningMean, x, training),
                value(store, runningVar, x, training), value(store, gamma, x, training),
                value(store, beta, x, training), -1, DJL_MOMENTUM, eps, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        for (Parameter p : new Parameter[] {gamma, beta, runningMean, runningVar}) {
            p.setShape(new Shape(channels));
        }
    }

    private static NDArray value(ParameterStore store, Parameter p, NDArray x, boolean training) {
        return store.getValue(p, x.getDevice(), training);
    }

    private static Parameter parameter(String name, Parameter.Type type, boolean trained) {
        return Parameter.builder().setName(name).setType(type).optRequiresGrad(trained).build();
    }
}
