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

/**
 * Faster DL4J layers, found by profiling ResNet-20 training (decision 0007):
 * <ul>
 *   <li>conv and depthwise conv: DL4J recomputes the whole forward convolution in backward to apply the activation's
 *   derivative; with the identity activation every graph conv has, the error passes through unchanged instead;</li>
 *   <li>batch norm: libnd4j's batchnorm_bp, DL4J's helper statistics, ND4J's broadcast ops along dimension 1 and its
 *   reductions along a dimension were the largest costs of a step; forward and backward are composed of GEMV row sums
 *   and pairwise ops with [1, C, 1, 1] operands instead (NCHW, batch statistics, as PyTorch's training mode), with a
 *   following ReLU built in where the graph allows;</li>
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

    /**
     * A BN layer configuration that instantiates {@link FastBatchNorm}; copies a configuration built as usual, and
     * optionally applies ReLU to the output (a BN node read only by a ReLU node).
     */
    static final class BatchNorm extends BatchNormalization {
        private static final long serialVersionUID = 1L;

        private boolean relu;

        BatchNorm(BatchNormalization built, boolean relu) {
            copyFields(built, this);
            this.relu = relu;
        }

        boolean relu() {
            return relu;
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
     * BN over NCHW, optionally followed by ReLU, composed of GEMV row sums and pairwise ops with [1, C, 1, 1] operands
     * (batch statistics in training, as PyTorch's training mode). With x̂ = (x - μ)/σ over the batch: dβ = Σdy,
     * dγ = Σdy·x̂ and dx = γ/σ·(dy - dβ/m - x̂·dγ/m). Per-channel arithmetic is done in Java on the row sums, so a
     * layer makes a handful of large ops and no small ones. Running statistics get DL4J's usual "gradient"
     * (old - batch)·(1 - decay), which {@link FlatSgd} applies.
     */
    static final class FastBatchNorm extends org.deeplearning4j.nn.layers.normalization.BatchNormalization {
        /**
         * Below this ratio of variance to mean square, E[x²] - μ² loses too many digits to float rounding in the row
         * sums; the layer then centres the batch first and takes the variance from x - μ. σ² ≥ 0.1·E[x²] means
         * |μ| ≤ 3σ, where the relative error stays near float precision.
         */
        static final double SHORTCUT_MIN_VAR_RATIO = 0.1;

        /** Of the last training forward pass, for its backward pass; null otherwise. */
        private transient Batch batch;

        /** H·W ones, outside any workspace, for the per-channel sums. */
        private transient INDArray ones;

        /**
         * Batch statistics per channel, x - μ when the forward pass centred the batch (else null), and the output.
         * Both arrays live in the activation workspace, which lasts until the backward pass of the same step. For a
         * map DL4J's own BN handles, only the shape and the output are kept (for the ReLU).
         */
        private record Batch(long[] shape, double[] mean, double[] var, double[] invStd, INDArray centered,
                INDArray out) {}

        FastBatchNorm(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        /** True for the maps this class normalizes itself (NCHW, NHWC); others go to DL4J's own BN, ReLU added here. */
        private boolean composed(INDArray x) {
            return x.rank() == 4;
        }

        private boolean channelsLast() {
            return layerConf().getCnn2DFormat() == CNN2DFormat.NHWC;
        }

        private int channelAxis() {
            return channelsLast() ? 3 : 1;
        }

        private boolean relu() {
            return conf.getLayer() instanceof BatchNorm bn && bn.relu();
        }

        /**
         * y = x·γ/σ + (β - μ·γ/σ), then max(y, 0) if the layer has the ReLU: μ and σ² are the batch's in training
         * (from sums and sums of squares, kept for the backward pass) and the running ones otherwise. DL4J's helper
         * computes the batch statistics with TAD reductions that cost more than the normalization.
         */
        @Override
        public INDArray preOutput(INDArray x, TrainingMode mode, LayerWorkspaceMgr ws) {
            if (!composed(x)) {
                INDArray y = super.preOutput(x, mode, ws);
                if (relu()) {
                    Nd4j.exec(new RectifiedLinear(y, y, 0.0));
                }
                batch = mode == TrainingMode.TRAIN ? new Batch(x.shape(), null, null, null, null, y) : null;
                return y;
            }
            int ch = (int) x.size(channelAxis());
            double eps = layerConf().getEps();
            double[] gamma = values(getParam("gamma"));
            double[] beta = values(getParam("beta"));
            INDArray out = ws.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(), x.shape(), 'c');
            double[] mean;
            double[] var;
            INDArray centered = null;
            if (mode == TrainingMode.TRAIN) {
                double m = x.length() / ch;
                mean = channelTotals(x, 1 / m);
                Nd4j.exec(new MulOp(x, x, out)); // out as scratch until the normalization below
                double[] meanSquare = channelTotals(out, 1 / m);
                var = new double[ch];
                boolean shortcut = true;
                for (int c = 0; c < ch; c++) {
                    var[c] = meanSquare[c] - mean[c] * mean[c];
                    shortcut &= var[c] >= SHORTCUT_MIN_VAR_RATIO * meanSquare[c] && var[c] > 0;
                }
                if (!shortcut) {
                    centered = ws.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(), x.shape(), 'c');
                    Nd4j.exec(new SubOp(x, perChannel(mean, x.dataType(), channelsLast()), centered));
                    Nd4j.exec(new MulOp(centered, centered, out));
                    var = channelTotals(out, 1 / m);
                }
            } else {
                mean = values(getParam("mean"));
                var = values(getParam("var"));
            }
            double[] invStd = new double[ch];
            double[] scale = new double[ch];
            double[] shift = new double[ch];
            for (int c = 0; c < ch; c++) {
                invStd[c] = 1 / Math.sqrt(var[c] + eps);
                scale[c] = gamma[c] * invStd[c];
                shift[c] = centered != null ? beta[c] : beta[c] - mean[c] * scale[c];
            }
            INDArray source = centered != null ? centered : x;
            Nd4j.exec(new MulOp(source, perChannel(scale, x.dataType(), channelsLast()), out));
            Nd4j.exec(new AddOp(out, perChannel(shift, x.dataType(), channelsLast()), out));
            if (relu()) {
                Nd4j.exec(new RectifiedLinear(out, out, 0.0));
            }
            batch = mode == TrainingMode.TRAIN ? new Batch(x.shape(), mean, var, invStd, centered, out) : null;
            return out;
        }

        /**
         * dx = A·dy + B·(x - μ) + K per channel, with A = γ/σ, B = -A·dγ/(σ·m), K = -A·dβ/m, dβ = Σdy and
         * dγ = (Σdy·x - μ·Σdy)/σ; dy is first masked by the ReLU's derivative if the layer has one.
         */
        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr ws) {
            Batch b = batch;
            batch = null;
            if (b == null || !java.util.Arrays.equals(b.shape(), input.shape())) {
                throw new IllegalStateException("batch norm " + layerConf().getLayerName()
                        + ": backward pass without the training forward pass of the same batch");
            }
            if (relu()) {
                // the error through the ReLU: dy·(y > 0), in place of y, which no other layer reads any more
                Nd4j.exec(new Step(b.out(), b.out(), 0.0));
                Nd4j.exec(new MulOp(b.out(), epsilon, b.out()));
                epsilon = b.out();
            }
            if (!composed(input)) {
                return super.backpropGradient(epsilon, ws);
            }
            INDArray x = input;
            int ch = (int) x.size(channelAxis());
            double m = x.length() / ch;
            INDArray source = b.centered() != null ? b.centered() : x;
            INDArray dx = ws.createUninitialized(ArrayType.ACTIVATION_GRAD, x.dataType(), x.shape(), 'c');
            double[] dBeta = channelTotals(epsilon, 1);
            Nd4j.exec(new MulOp(epsilon, source, dx)); // dx as scratch until the gradient below
            double[] dots = channelTotals(dx, 1);
            double[] gamma = values(getParam("gamma"));
            double[] dGamma = new double[ch];
            double[] a = new double[ch];
            double[] bx = new double[ch];
            double[] k = new double[ch];
            for (int c = 0; c < ch; c++) {
                double mu = b.centered() != null ? 0 : b.mean()[c];
                double s = b.invStd()[c];
                dGamma[c] = s * (dots[c] - mu * dBeta[c]);
                a[c] = gamma[c] * s;
                bx[c] = -a[c] * s * dGamma[c] / m;
                k[c] = -a[c] * dBeta[c] / m - bx[c] * mu;
            }
            INDArray term = ws.createUninitialized(ArrayType.ACTIVATION_GRAD, x.dataType(), x.shape(), 'c');
            boolean last = channelsLast();
            Nd4j.exec(new MulOp(epsilon, perChannel(a, x.dataType(), last), dx));
            Nd4j.exec(new MulOp(source, perChannel(bx, x.dataType(), last), term));
            Nd4j.exec(new AddOp(dx, term, dx));
            Nd4j.exec(new AddOp(dx, perChannel(k, x.dataType(), last), dx));

            double keep = 1 - layerConf().getDecay();
            double[] meanStep = values(getParam("mean"));
            double[] varStep = values(getParam("var"));
            for (int c = 0; c < ch; c++) {
                meanStep[c] = (meanStep[c] - b.mean()[c]) * keep;
                varStep[c] = (varStep[c] - b.var()[c]) * keep;
            }
            Gradient g = new DefaultGradient();
            g.setGradientFor("gamma", fill(gradientViews.get("gamma"), dGamma));
            g.setGradientFor("beta", fill(gradientViews.get("beta"), dBeta));
            g.setGradientFor("mean", fill(gradientViews.get("mean"), meanStep));
            g.setGradientFor("var", fill(gradientViews.get("var"), varStep));
            return new Pair<>(g, dx);
        }

        /**
         * Per-channel totals of an [n, C, H, W] map, times a factor, in double precision: one GEMV of the map as an
         * [n·C, H·W] matrix with a ones vector (row sums), then the batch in Java. libnd4j's sum along dimension 2
         * took 6x as long as the GEMV on a 128x16x32x32 map. An [n, H, W, C] map goes to {@link #columnTotals}.
         */
        private double[] channelTotals(INDArray map, double factor) {
            INDArray t = map.ordering() == 'c' && map.elementWiseStride() == 1 ? map : map.dup('c');
            if (channelsLast()) {
                return columnTotals(t, factor);
            }
            int ch = (int) t.size(1);
            long rows = t.size(0) * ch;
            long hw = t.size(2) * t.size(3);
            float[] sums;
            try (MemoryWorkspace none = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                if (ones == null || ones.length() != hw || ones.dataType() != t.dataType()) {
                    ones = Nd4j.ones(t.dataType(), hw);
                }
                INDArray out = Nd4j.createUninitialized(t.dataType(), rows);
                Nd4j.getBlasWrapper().level2().gemv('c', 'N', 1.0, t.reshape('c', rows, hw), ones, 0.0, out);
                sums = out.data().asFloat();
            }
            double[] totals = new double[ch];
            for (int i = 0; i < sums.length; i++) {
                totals[i % ch] += sums[i];
            }
            for (int c = 0; c < ch; c++) {
                totals[c] *= factor;
            }
            return totals;
        }

        /**
         * Per-channel totals of a dense [n, H, W, C] map, times a factor: a row of ones times the map as an
         * [n·H, W·C] matrix gives W·C column sums (a matrix product wide enough to run in parallel; as [n·H·W, C] it
         * was 6x slower), then the W sums of each channel in double in Java.
         */
        private double[] columnTotals(INDArray t, double factor) {
            int ch = (int) t.size(3);
            long rows = t.size(0) * t.size(1);
            int cols = (int) (t.size(2) * ch);
            float[] sums;
            try (MemoryWorkspace none = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                if (ones == null || ones.length() != rows || ones.dataType() != t.dataType()) {
                    ones = Nd4j.ones(t.dataType(), 1, rows);
                }
                INDArray out = Nd4j.createUninitialized(t.dataType(), 1, cols);
                Nd4j.gemm(ones, t.reshape('c', rows, cols), out, false, false, 1.0, 0.0);
                sums = out.data().asFloat();
            }
            double[] totals = new double[ch];
            for (int i = 0; i < cols; i++) {
                totals[i % ch] += sums[i];
            }
            for (int c = 0; c < ch; c++) {
                totals[c] *= factor;
            }
            return totals;
        }

        /** Per-channel values as a [1, C, 1, 1] operand, or [1, 1, 1, C] for channels-last, outside any workspace. */
        private static INDArray perChannel(double[] values, DataType type, boolean channelsLast) {
            long[] shape = channelsLast ? new long[] {1, 1, 1, values.length} : new long[] {1, values.length, 1, 1};
            try (MemoryWorkspace none = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                return Nd4j.create(values, shape, type);
            }
        }

        private static double[] values(INDArray param) {
            return param.dup('c').data().asDouble();
        }

        private static INDArray fill(INDArray view, double[] values) {
            for (int i = 0; i < values.length; i++) {
                view.putScalar(i, values[i]);
            }
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
