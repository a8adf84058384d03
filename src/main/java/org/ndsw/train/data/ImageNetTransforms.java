package org.ndsw.train.data;

import java.util.SplittableRandom;

/**
 * The ImageNet input pipeline of pycls (pycls/datasets/imagenet.py and transforms.py), re-implemented on
 * {@link Picture}s (docs/training.md, "Training at other resolutions"; decision 0018).
 *
 * <p>Training: an Inception-style random-sized crop (area 8%-100% of the image, aspect ratio 3/4-4/3, 10 attempts,
 * else the test transform), resized to the training size; a horizontal flip with probability 1/2; optionally AlexNet
 * lighting noise; then per-channel normalization. Test: the shorter side scaled to the test size, then a centre crop
 * of the training size, then normalization. Resizing is bilinear with half-pixel centres and edge clamping (OpenCV's
 * INTER_LINEAR on float images). numpy's draws are replaced by draws from a {@link SplittableRandom}: uniform(a, b)
 * is a + (b - a)·u, randint(0, n) is nextInt(n), normal(0, s) is s·nextGaussian().
 */
public final class ImageNetTransforms {
    /** Per-channel mean, RGB, 0-1 scale (pycls's ImageNet _MEAN, from fb.resnet.torch). */
    static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    /** Per-channel standard deviation, RGB (pycls's _STD). */
    static final float[] STD = {0.229f, 0.224f, 0.225f};
    /** Eigenvalues of the RGB covariance for lighting noise (pycls's _EIG_VALS). */
    static final double[] EIG_VALS = {0.2175, 0.0188, 0.0045};
    /** Eigenvectors, row i = channel i (pycls's _EIG_VECS). */
    static final double[][] EIG_VECS = {
        {-0.5675, 0.7192, 0.4009},
        {-0.5808, -0.0045, -0.8140},
        {-0.5836, -0.6948, 0.4203},
    };
    /** Smallest crop area as a fraction of the image (pycls's area_frac). */
    static final double AREA_FRAC = 0.08;
    /** Crop attempts before the fallback (pycls's max_iter). */
    static final int ATTEMPTS = 10;

    private ImageNetTransforms() {}

    /** The training transform without normalization: random-sized crop to size x size, flip, lighting (pcaStd > 0). */
    public static Picture train(Picture im, int size, double pcaStd, SplittableRandom rng) {
        Picture out = randomSizedCrop(im, size, rng);
        if (rng.nextDouble() < 0.5) {
            out = flip(out);
        }
        if (pcaStd > 0) {
            out = lighting(out, pcaStd, rng);
        }
        return out;
    }

    /**
     * Inception-style crop: up to 10 attempts draw an area fraction in [0.08, 1) and an aspect ratio in [3/4, 4/3),
     * round (half to even) the crop's sides, swap them with probability 1/2, and take the first crop that fits, at a
     * position drawn as randint(0, h - h_crop) (so the last position is never drawn, as in pycls); the crop is resized
     * to size x size. If none fits, the test transform {@link #scaleAndCenterCrop} at size, size.
     */
    public static Picture randomSizedCrop(Picture im, int size, SplittableRandom rng) {
        int h = im.height();
        int w = im.width();
        double area = (double) h * w;
        for (int i = 0; i < ATTEMPTS; i++) {
            double target = uniform(rng, AREA_FRAC, 1.0) * area;
            double aspect = uniform(rng, 3.0 / 4.0, 4.0 / 3.0);
            int wc = (int) Math.rint(Math.sqrt(target * aspect));
            int hc = (int) Math.rint(Math.sqrt(target / aspect));
            if (rng.nextDouble() < 0.5) {
                int t = wc;
                wc = hc;
                hc = t;
            }
            if (hc <= h && wc <= w && hc > 0 && wc > 0) {
                int y = hc == h ? 0 : rng.nextInt(h - hc);
                int x = wc == w ? 0 : rng.nextInt(w - wc);
                return resize(crop(im, y, x, hc, wc), size, size);
            }
        }
        return scaleAndCenterCrop(im, size, size);
    }

    /**
     * The test transform: scale the shorter side to `scale` (the longer to int(long / short · scale), truncated; no
     * resize if the shorter side already is `scale`), then the centre crop x = ceil((w - crop) / 2), likewise y.
     */
    public static Picture scaleAndCenterCrop(Picture im, int scale, int crop) {
        int h = im.height();
        int w = im.width();
        Picture s = im;
        if (w < h && w != scale) {
            h = (int) ((double) h / w * scale);
            w = scale;
            s = resize(im, h, w);
        } else if (h <= w && h != scale) {
            w = (int) ((double) w / h * scale);
            h = scale;
            s = resize(im, h, w);
        }
        if (crop > h || crop > w) {
            throw new IllegalArgumentException("cannot centre-crop " + crop + "x" + crop + " from " + h + "x" + w);
        }
        int x = Math.floorDiv(w - crop + 1, 2);
        int y = Math.floorDiv(h - crop + 1, 2);
        return crop(s, y, x, crop, crop);
    }

    /** The picture mirrored left to right. */
    public static Picture flip(Picture im) {
        int h = im.height();
        int w = im.width();
        float[] out = new float[im.data().length];
        for (int r = 0; r < 3 * h; r++) {
            for (int x = 0; x < w; x++) {
                out[r * w + x] = im.data()[r * w + w - 1 - x];
            }
        }
        return new Picture(out, h, w);
    }

    /**
     * AlexNet-style PCA lighting noise: alpha ~ N(0, std) per eigenvector (3 draws), and channel i gets
     * sum_j vec[i][j]·alpha[j]·val[j] added.
     */
    public static Picture lighting(Picture im, double std, SplittableRandom rng) {
        double[] alpha = new double[3];
        for (int j = 0; j < 3; j++) {
            alpha[j] = std * rng.nextGaussian();
        }
        float[] out = im.data().clone();
        int plane = im.height() * im.width();
        for (int c = 0; c < 3; c++) {
            double add = 0;
            for (int j = 0; j < 3; j++) {
                add += EIG_VECS[c][j] * alpha[j] * EIG_VALS[j];
            }
            for (int p = 0; p < plane; p++) {
                out[c * plane + p] += (float) add;
            }
        }
        return new Picture(out, im.height(), im.width());
    }

    /** Writes (v - mean[c]) / std[c] of every value into out at offset. */
    public static void normalize(Picture im, float[] out, int offset) {
        int plane = im.height() * im.width();
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < plane; p++) {
                out[offset + c * plane + p] = (im.data()[c * plane + p] - MEAN[c]) / STD[c];
            }
        }
    }

    /** The rows [y, y + hc) and columns [x, x + wc). */
    public static Picture crop(Picture im, int y, int x, int hc, int wc) {
        float[] out = new float[3 * hc * wc];
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < hc; r++) {
                System.arraycopy(im.data(), (c * im.height() + y + r) * im.width() + x, out, (c * hc + r) * wc, wc);
            }
        }
        return new Picture(out, hc, wc);
    }

    /**
     * Bilinear resize to oh x ow: output pixel (i, j) samples the source at ((i + 0.5)·h/oh - 0.5, (j + 0.5)·w/ow - 0.5),
     * coordinates below 0 read pixel 0 and above the last read the last pixel (OpenCV INTER_LINEAR).
     */
    public static Picture resize(Picture im, int oh, int ow) {
        if (oh == im.height() && ow == im.width()) {
            return im;
        }
        int h = im.height();
        int w = im.width();
        int[] y0 = new int[oh];
        int[] y1 = new int[oh];
        float[] fy = new float[oh];
        axis(h, oh, y0, y1, fy);
        int[] x0 = new int[ow];
        int[] x1 = new int[ow];
        float[] fx = new float[ow];
        axis(w, ow, x0, x1, fx);
        float[] src = im.data();
        float[] out = new float[3 * oh * ow];
        for (int c = 0; c < 3; c++) {
            int base = c * h * w;
            for (int i = 0; i < oh; i++) {
                int r0 = base + y0[i] * w;
                int r1 = base + y1[i] * w;
                for (int j = 0; j < ow; j++) {
                    float top = src[r0 + x0[j]] + fx[j] * (src[r0 + x1[j]] - src[r0 + x0[j]]);
                    float bottom = src[r1 + x0[j]] + fx[j] * (src[r1 + x1[j]] - src[r1 + x0[j]]);
                    out[(c * oh + i) * ow + j] = top + fy[i] * (bottom - top);
                }
            }
        }
        return new Picture(out, oh, ow);
    }

    private static void axis(int n, int on, int[] i0, int[] i1, float[] f) {
        double scale = (double) n / on;
        for (int i = 0; i < on; i++) {
            double s = (i + 0.5) * scale - 0.5;
            int lo = (int) Math.floor(s);
            double frac = s - lo;
            if (lo < 0) {
                lo = 0;
                frac = 0;
            }
            if (lo >= n - 1) {
                lo = n - 1;
                frac = 0;
            }
            i0[i] = lo;
            i1[i] = Math.min(lo + 1, n - 1);
            f[i] = (float) frac;
        }
    }

    private static double uniform(SplittableRandom rng, double a, double b) {
        return a + (b - a) * rng.nextDouble();
    }
}
