package org.ndsw.train.dl4j;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Layer.TrainingMode;
import org.deeplearning4j.nn.conf.CNN2DFormat;
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
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Faster DL4J layers, found by profiling ResNet-20 training (decision 0007):
 * <ul>
 *   <li>conv and depthwise conv: DL4J recomputes the whole forward convolution in backward to apply the activation's
 *   derivative; with the identity activation every graph conv has, the error passes through unchanged instead;</li>
 *   <li>batch norm: libnd4j's batchnorm_bp, DL4J's helper statistics and ND4J's broadcast ops along dimension 1 were
 *   the largest costs of a step; forward and backward are composed of per-channel sums and pairwise ops with
 *   [1, C, 1, 1] operands instead (NCHW, batch statistics, as PyTorch's training mode);</li>
 *   <li>ReLU: one elementwise op each way instead of DL4J's relu_bp.</li>
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
     * BN over NCHW composed of per-channel sums and pairwise ops: with x̂ = (x - μ)/σ over the batch,
     * dβ = Σdy, dγ = Σdy·x̂, dx = γ/σ·(dy - dβ/m - x̂·dγ/m). Running statistics get DL4J's usual "gradient"
     * (old - batch)·(1 - decay), which {@link FlatSgd} applies.
     */
    static final class FastBatchNorm extends org.deeplearning4j.nn.layers.normalization.BatchNormalization {
        /**
         * Of the last training forward pass: batch mean, biased variance, 1/σ (outside any workspace) and x - μ (in
         * the activation workspace, which lives until the backward pass of the same step); or null.
         */
        private transient INDArray batchMean;
        private transient INDArray batchVar;
        private transient INDArray batchInvStd;
        private transient INDArray batchCentered;

        FastBatchNorm(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        /**
         * y = γ·x̂ + β with x̂ = (x - μ)/σ; μ and σ² are the batch's in training (kept with x - μ for the backward
         * pass) and the running ones otherwise. Per-channel values enter as [1, C, 1, 1] operands of the pairwise ops.
         * DL4J's helper computes the batch statistics with TAD reductions that cost more than the normalization.
         */
        @Override
        public INDArray preOutput(INDArray x, TrainingMode mode, LayerWorkspaceMgr ws) {
            if (x.rank() != 4 || layerConf().getCnn2DFormat() != CNN2DFormat.NCHW) {
                return super.preOutput(x, mode, ws);
            }
            long n = x.size(0);
            long ch = x.size(1);
            long hw = x.size(2) * x.size(3);
            long[] perChannel = {1, ch, 1, 1};
            INDArray gamma = getParam("gamma").reshape(ch);
            INDArray beta = getParam("beta").reshape(ch);
            INDArray out = ws.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(), x.shape(), 'c');
            if (mode != TrainingMode.TRAIN) {
                try (MemoryWorkspace none = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                    INDArray invStd = Transforms.pow(getParam("var").reshape(ch).add(layerConf().getEps()), -0.5,
                            false);
                    INDArray scale = invStd.mul(gamma);
                    INDArray shift = beta.sub(getParam("mean").reshape(ch).mul(scale));
                    Nd4j.exec(new MulOp(x, scale.reshape(perChannel), out));
                    Nd4j.exec(new AddOp(out, shift.reshape(perChannel), out));
                }
                return out;
            }
            INDArray centered = ws.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(), x.shape(), 'c');
            try (MemoryWorkspace none = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                double m = n * hw;
                INDArray mean = channelSum(x, n, ch, hw).divi(m);
                Nd4j.exec(new SubOp(x, mean.reshape(perChannel), centered));
                INDArray rowNorms = centered.reshape('c', n, ch, hw).norm2(2);
                INDArray var = rowNorms.muli(rowNorms).sum(0).divi(m);
                INDArray invStd = Transforms.pow(var.add(layerConf().getEps()), -0.5, false);
                Nd4j.exec(new MulOp(centered, invStd.mul(gamma).reshape(perChannel), out));
                Nd4j.exec(new AddOp(out, beta.reshape(perChannel), out));
                batchMean = mean;
                batchVar = var;
                batchInvStd = invStd;
                batchCentered = centered;
            }
            return out;
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr ws) {
            if (input.rank() != 4 || layerConf().getCnn2DFormat() != CNN2DFormat.NCHW) {
                return super.backpropGradient(epsilon, ws);
            }
            if (batchCentered == null || !java.util.Arrays.equals(batchCentered.shape(), input.shape())) {
                throw new IllegalStateException("batch norm " + layerConf().getLayerName()
                        + ": backward pass without the training forward pass of the same batch");
            }
            var c = layerConf();
            INDArray x = input;
            long n = x.size(0);
            long ch = x.size(1);
            long hw = x.size(2) * x.size(3);
            double m = n * hw;
            long[] perChannel = {1, ch, 1, 1};
            INDArray mean = batchMean;
            INDArray var = batchVar;
            INDArray invStd = batchInvStd;
            INDArray centered = batchCentered;
            batchMean = null;
            batchVar = null;
            batchInvStd = null;
            batchCentered = null;
            // dx = a·dy - a·x̂·dγ/m - a·dβ/m with a = γ/σ, dβ = Σdy and dγ = Σdy·x̂ per channel, x̂ = (x - μ)/σ
            INDArray dx = ws.createUninitialized(ArrayType.ACTIVATION_GRAD, x.dataType(), x.shape(), 'c');
            INDArray dBeta = channelSum(epsilon, n, ch, hw);
            Nd4j.exec(new MulOp(epsilon, centered, dx));
            INDArray dGamma = channelSum(dx, n, ch, hw).muli(invStd);
            INDArray a = invStd.mul(getParam("gamma").reshape(ch));
            Nd4j.exec(new MulOp(epsilon, a.reshape(perChannel), dx));
            Nd4j.exec(new MulOp(centered, a.mul(dGamma).muli(invStd).divi(m).reshape(perChannel), centered));
            Nd4j.exec(new SubOp(dx, centered, dx));
            Nd4j.exec(new SubOp(dx, a.mul(dBeta).divi(m).reshape(perChannel), dx));

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

        /** Per-channel sums of an [n, C, H, W] map: rows of hw contiguous values first, then over the batch. */
        private static INDArray channelSum(INDArray t, long n, long ch, long hw) {
            return t.reshape('c', n, ch, hw).sum(2).sum(0);
        }

        private static INDArray assign(INDArray view, INDArray values) {
            view.assign(values.reshape(view.shape()));
            return view;
        }
    }

    /**
     * max(x, 0) with the derivative PyTorch uses (1 where x > 0, else 0), each one elementwise op: DL4J's ReLU
     * backward goes through the relu_bp op, which took about 4x a pairwise multiply on a 128x16x32x32 map.
     */
    static final class Relu extends org.nd4j.linalg.activations.impl.ActivationReLU {
        @Override
        public INDArray getActivation(INDArray in, boolean training) {
            Nd4j.exec(new RectifiedLinear(in, in, 0.0));
            return in;
        }

        @Override
        public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
            assertShape(in, epsilon);
            Nd4j.exec(new Step(in, in, 0.0));
            Nd4j.exec(new MulOp(in, epsilon, in));
            return new Pair<>(in, null);
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
