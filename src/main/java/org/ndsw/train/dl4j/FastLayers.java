package org.ndsw.train.dl4j;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.DepthwiseConvolution2DLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * DL4J layers with a faster backward pass, found with ND4J's op profiler on ResNet-20 (decision 0007):
 * <ul>
 *   <li>conv and depthwise conv: DL4J recomputes the whole forward convolution in backward to apply the activation's
 *   derivative; with the identity activation every graph conv has, the error passes through unchanged instead;</li>
 *   <li>batch norm: libnd4j's batchnorm_bp took ~35% of a training step; the same gradient is composed of a few
 *   reductions and broadcast ops (NCHW, batch statistics, as PyTorch's training mode).</li>
 * </ul>
 */
final class FastLayers {
    private FastLayers() {}

    /** A conv layer configuration that instantiates {@link FastConv}. */
    static final class Conv extends ConvolutionLayer {
        private static final long serialVersionUID = 1L;

        Conv(ConvolutionLayer.Builder builder) {
            super(builder);
        }

        @Override
        public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                INDArray paramsView, boolean initialize, DataType dataType) {
            return setUp(new FastConv(conf, dataType), this, conf, listeners, index, paramsView, initialize);
        }
    }

    /** A depthwise conv layer configuration that instantiates {@link FastDepthwise}. */
    static final class Depthwise extends DepthwiseConvolution2D {
        private static final long serialVersionUID = 1L;

        Depthwise(DepthwiseConvolution2D.Builder builder) {
            super(builder);
        }

        @Override
        public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                INDArray paramsView, boolean initialize, DataType dataType) {
            return setUp(new FastDepthwise(conf, dataType), this, conf, listeners, index, paramsView, initialize);
        }
    }

    /** A BN layer configuration that instantiates {@link FastBatchNorm}; copies a configuration built as usual. */
    static final class BatchNorm extends BatchNormalization {
        private static final long serialVersionUID = 1L;

        BatchNorm(BatchNormalization built) {
            copyFields(built, this);
        }

        @Override
        public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                INDArray paramsView, boolean initialize, DataType dataType) {
            return setUp(new FastBatchNorm(conf, dataType), this, conf, listeners, index, paramsView, initialize);
        }
    }

    private static Layer setUp(org.deeplearning4j.nn.layers.BaseLayer<?> ret,
            org.deeplearning4j.nn.conf.layers.Layer layerConf, NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int index, INDArray paramsView, boolean initialize) {
        ret.setListeners(listeners);
        ret.setIndex(index);
        ret.setParamsViewArray(paramsView);
        Map<String, INDArray> table = layerConf.initializer().init(conf, paramsView, initialize);
        ret.setParamTable(table);
        ret.setConf(conf);
        return ret;
    }

    /** Conv whose backward skips the forward recomputation (identity activation, oneDNN helper present). */
    static final class FastConv extends org.deeplearning4j.nn.layers.convolution.ConvolutionLayer {
        private transient INDArray pending;

        FastConv(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr ws) {
            pending = helper != null && isIdentity(layerConf().getActivationFn()) ? epsilon : null;
            try {
                return super.backpropGradient(epsilon, ws);
            } finally {
                pending = null;
            }
        }

        @Override
        protected Pair<INDArray, INDArray> preOutput4d(boolean training, boolean forBackprop, LayerWorkspaceMgr ws) {
            return forBackprop && pending != null ? new Pair<>(pending, null)
                    : super.preOutput4d(training, forBackprop, ws);
        }
    }

    /** Depthwise conv whose backward skips the forward recomputation (identity activation). */
    static final class FastDepthwise extends DepthwiseConvolution2DLayer {
        private transient INDArray pending;

        FastDepthwise(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr ws) {
            pending = isIdentity(layerConf().getActivationFn()) ? epsilon : null;
            try {
                return super.backpropGradient(epsilon, ws);
            } finally {
                pending = null;
            }
        }

        @Override
        protected Pair<INDArray, INDArray> preOutput4d(boolean training, boolean forBackprop, LayerWorkspaceMgr ws) {
            return forBackprop && pending != null ? new Pair<>(pending, null)
                    : super.preOutput4d(training, forBackprop, ws);
        }
    }

    /**
     * BN whose backward is composed of reductions and broadcasts over NCHW: with x̂ = (x - μ)/σ over the batch,
     * dβ = Σdy, dγ = Σdy·x̂, dx = γ/σ·(dy - dβ/m - x̂·dγ/m). Running statistics get DL4J's usual "gradient"
     * (old - batch)·(1 - decay), which {@link FlatSgd} applies.
     */
    static final class FastBatchNorm extends org.deeplearning4j.nn.layers.normalization.BatchNormalization {
        FastBatchNorm(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr ws) {
            if (input.rank() != 4) {
                return super.backpropGradient(epsilon, ws);
            }
            var c = layerConf();
            INDArray x = input;
            long m = x.size(0) * x.size(2) * x.size(3);
            INDArray mean = x.mean(0, 2, 3);
            INDArray var = x.var(false, 0, 2, 3);
            INDArray invStd = Transforms.pow(var.add(c.getEps()), -0.5, false);
            INDArray xhat = x.ulike();
            Nd4j.getExecutioner().exec(new BroadcastSubOp(x, mean, xhat, 1));
            Nd4j.getExecutioner().exec(new BroadcastMulOp(xhat, invStd, xhat, 1));
            INDArray dBeta = epsilon.sum(0, 2, 3);
            INDArray dGamma = epsilon.mul(xhat).sum(0, 2, 3);
            INDArray dx = ws.createUninitialized(ArrayType.ACTIVATION_GRAD, x.dataType(), x.shape(), 'c');
            Nd4j.getExecutioner().exec(new BroadcastMulOp(xhat, dGamma.div(m), xhat, 1));
            Nd4j.getExecutioner().exec(new SubOp(epsilon, xhat, dx));
            Nd4j.getExecutioner().exec(new BroadcastSubOp(dx, dBeta.div(m), dx, 1));
            INDArray gamma = getParam("gamma").reshape(invStd.length());
            Nd4j.getExecutioner().exec(new BroadcastMulOp(dx, invStd.muli(gamma), dx, 1));

            Gradient g = new DefaultGradient();
            g.setGradientFor("gamma", assign(gradientViews.get("gamma"), dGamma));
            g.setGradientFor("beta", assign(gradientViews.get("beta"), dBeta));
            INDArray dMean = gradientViews.get("mean");
            dMean.assign(getParam("mean").reshape(mean.shape()).sub(mean).muli(1 - c.getDecay()).reshape(dMean.shape()));
            g.setGradientFor("mean", dMean);
            INDArray dVar = gradientViews.get("var");
            dVar.assign(getParam("var").reshape(var.shape()).sub(var).muli(1 - c.getDecay()).reshape(dVar.shape()));
            g.setGradientFor("var", dVar);
            return new Pair<>(g, dx);
        }

        private static INDArray assign(INDArray view, INDArray values) {
            view.assign(values.reshape(view.shape()));
            return view;
        }
    }

    private static boolean isIdentity(Object activation) {
        return activation instanceof org.nd4j.linalg.activations.impl.ActivationIdentity;
    }

    /** Copies every instance field declared by the superclasses of `to` from `from` (same configuration class). */
    private static void copyFields(Object from, Object to) {
        for (Class<?> k = from.getClass(); k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    f.set(to, f.get(from));
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new IllegalStateException("cannot copy DL4J BN setting " + f.getName(), e);
                }
            }
        }
    }
}
