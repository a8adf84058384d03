package org.ndsw.cli;

import org.ndsw.train.data.ImageRecipe;
import picocli.CommandLine.Option;

/**
 * The image options shared by `ndsw train` and `ndsw sweep create` for ImageNet-style folders (pycls's ImageNet
 * recipe, docs/training.md "Training at other resolutions").
 */
final class ImageOptions {
    @Option(names = "--im-size", paramLabel = "PX", description = "ImageNet-style folders: training crop and network"
            + " input side (pycls TRAIN.IM_SIZE). Default: 224.")
    Integer imSize;

    @Option(names = "--test-im-size", paramLabel = "PX", description = "ImageNet-style folders: shorter side of the"
            + " test images before the centre crop (pycls TEST.IM_SIZE). Default: round(im-size * 8/7), 256 for 224.")
    Integer testImSize;

    @Option(names = "--pca-std", paramLabel = "S", description = "ImageNet-style folders: lighting noise std"
            + " (pycls TRAIN.PCA_STD is 0.1). Default: 0, off.")
    Double pcaStd;

    /** The image recipe asked for, or null if no option is given. */
    ImageRecipe recipe() {
        if (imSize == null && testImSize == null && pcaStd == null) {
            return null;
        }
        int size = imSize != null ? imSize : ImageRecipe.PYCLS_IM_SIZE;
        return new ImageRecipe(size, testImSize != null ? testImSize : ImageRecipe.defaultTestSize(size),
                pcaStd != null ? pcaStd : 0);
    }
}
