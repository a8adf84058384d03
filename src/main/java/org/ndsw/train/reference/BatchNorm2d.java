package org.ndsw.train.reference;

import org.ndsw.NdswException;

/**
 * Batch normalization over the channels of [N, C, H, W] maps, forward and backward, as torch.nn.BatchNorm2d.
 *
 * <p>Training normalizes with the batch mean and biased batch variance; the running statistics then move by momentum
 * {@value #MOMENTUM} towards the batch mean and the unbiased batch variance (PyTorch's update). Inference normalizes
 * with the running statistics.
 */
final class BatchNorm2d {
    /** PyTorch's default momentum, the weight of the batch statistic in the running one (pycls keeps it). */
    static final double MOMENTUM = 0.1;

    private final int channels;
    private final int plane;
    private final double eps;

    /**
     * The statistics of one training batch, per channel.
     *
     * @param mean batch mean
     * @param variance biased batch variance (divided by the count)
     * @param invStd 1 / sqrt(variance + eps)
     * @param count values per channel, N·H·W
     */
    record Stats(double[] mean, double[] variance, double[] invStd, int count) {}

    BatchNorm2d(int channels, int plane, double eps) {
        this.channels = channels;
        this.plane = plane;
        this.eps = eps;
    }

    /** y = gamma·(x - mean) / sqrt(var + eps) + beta with the batch's statistics, which it returns. */
    Stats trainForward(double[] x, double[] gamma, double[] beta, double[] y, int n) {
        int count = n * plane;
        if (count < 2) {
            throw new NdswException("batch norm in training mode needs more than one value per channel, got " + count
                    + " (as PyTorch)");
        }
        double[] mean = new double[channels];
        double[] var = new double[channels];
        double[] invStd = new double[channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int b = 0; b < n; b++) {
                int base = (b * channels + c) * plane;
                for (int i = 0; i < plane; i++) {
                    sum += x[base + i];
                }
            }
            mean[c] = sum / count;
            double sq = 0;
            for (int b = 0; b < n; b++) {
                int base = (b * channels + c) * plane;
                for (int i = 0; i < plane; i++) {
                    double d = x[base + i] - mean[c];
                    sq += d * d;
                }
            }
            var[c] = sq / count;
            invStd[c] = 1 / Math.sqrt(var[c] + eps);
        }
        normalize(x, mean, invStd, gamma, beta, y, n);
        return new Stats(mean, var, invStd, count);
    }

    /** y = gamma·(x - running mean) / sqrt(running var + eps) + beta. */
    void inferForward(double[] x, double[] gamma, double[] beta, double[] runningMean, double[] runningVar, double[] y,
            int n) {
        double[] invStd = new double[channels];
        for (int c = 0; c < channels; c++) {
            invStd[c] = 1 / Math.sqrt(runningVar[c] + eps);
        }
        normalize(x, runningMean, invStd, gamma, beta, y, n);
    }

    /** Moves the running statistics towards the batch's: mean, and variance with Bessel's correction. */
    static void updateRunning(Stats s, double[] runningMean, double[] runningVar) {
        double bessel = s.count() / (s.count() - 1.0);
        for (int c = 0; c < runningMean.length; c++) {
            runningMean[c] = (1 - MOMENTUM) * runningMean[c] + MOMENTUM * s.mean()[c];
            runningVar[c] = (1 - MOMENTUM) * runningVar[c] + MOMENTUM * s.variance()[c] * bessel;
        }
    }

    /**
     * Adds dL/dx, dL/dgamma and dL/dbeta of a training-mode forward pass, given dL/dy:
     * dx = gamma·invStd·(dy - mean(dy) - xhat·mean(dy·xhat)).
     */
    void backward(double[] x, double[] gamma, Stats s, double[] dy, double[] dx, double[] dGamma, double[] dBeta,
            int n) {
        for (int c = 0; c < channels; c++) {
            double sumDy = 0;
            double sumDyXhat = 0;
            for (int b = 0; b < n; b++) {
                int base = (b * channels + c) * plane;
                for (int i = 0; i < plane; i++) {
                    sumDy += dy[base + i];
                    sumDyXhat += dy[base + i] * (x[base + i] - s.mean()[c]) * s.invStd()[c];
                }
            }
            dGamma[c] += sumDyXhat;
            dBeta[c] += sumDy;
            if (dx == null) {
                continue;
            }
            double scale = gamma[c] * s.invStd()[c];
            double meanDy = sumDy / s.count();
            double meanDyXhat = sumDyXhat / s.count();
            for (int b = 0; b < n; b++) {
                int base = (b * channels + c) * plane;
                for (int i = 0; i < plane; i++) {
                    double xhat = (x[base + i] - s.mean()[c]) * s.invStd()[c];
                    dx[base + i] += scale * (dy[base + i] - meanDy - xhat * meanDyXhat);
                }
            }
        }
    }

    private void normalize(double[] x, double[] mean, double[] invStd, double[] gamma, double[] beta, double[] y,
            int n) {
        for (int b = 0; b < n; b++) {
            for (int c = 0; c < channels; c++) {
                int base = (b * channels + c) * plane;
                double scale = gamma[c] * invStd[c];
                for (int i = 0; i < plane; i++) {
                    y[base + i] = (x[base + i] - mean[c]) * scale + beta[c];
                }
            }
        }
    }
}
