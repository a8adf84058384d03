package org.ndsw.train.data;

import java.util.Locale;
import org.ndsw.NdswException;

/**
 * The image sizes and lighting noise of pycls's ImageNet recipe (TRAIN.IM_SIZE, TEST.IM_SIZE, TRAIN.PCA_STD).
 *
 * @param imSize side of the training crop and of the test centre crop (the network's input)
 * @param testImSize the test images' shorter side before the centre crop
 * @param pcaStd standard deviation of the lighting noise; 0 turns it off (ndsw's default, decision 0018)
 */
public record ImageRecipe(int imSize, int testImSize, double pcaStd) {
    /** pycls's TRAIN.IM_SIZE. */
    public static final int PYCLS_IM_SIZE = 224;
    /** pycls's PCA_STD. */
    public static final double PYCLS_PCA_STD = 0.1;
    /** Largest image side accepted. */
    public static final int MAX_SIDE = 4096;

    /** Checks the sizes, naming the option. */
    public ImageRecipe {
        if (imSize < 8 || imSize > MAX_SIDE) {
            throw new NdswException("--im-size must be between 8 and " + MAX_SIDE + ", got " + imSize);
        }
        if (testImSize < imSize || testImSize > MAX_SIDE) {
            throw new NdswException("--test-im-size must be between --im-size (" + imSize + ") and " + MAX_SIDE
                    + ", got " + testImSize);
        }
        if (!(pcaStd >= 0) || Double.isInfinite(pcaStd)) {
            throw new NdswException("--pca-std must be a non-negative number, got " + pcaStd);
        }
    }

    /** pycls's ratio: 256 for 224, so round(size · 8/7). */
    public static int defaultTestSize(int imSize) {
        return (int) Math.round(imSize * 8.0 / 7.0);
    }

    /** The recipe for this training size with the default test size and no lighting noise. */
    public static ImageRecipe of(int imSize) {
        return new ImageRecipe(imSize, defaultTestSize(imSize), 0);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "im-size %d, test-im-size %d, pca-std %s", imSize, testImSize, pcaStd);
    }
}
