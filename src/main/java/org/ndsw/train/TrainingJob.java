package org.ndsw.train;

import java.nio.file.Path;
import org.ndsw.train.data.FolderData;
import org.ndsw.space.ModelSpec;
import org.ndsw.train.data.Cifar10;

/**
 * One training run to do.
 *
 * @param spec the network
 * @param space the design space it came from, or null if unknown
 * @param data training and test images (subsets already applied)
 * @param dataSummary how the data is described in the result
 * @param recipe optimizer and schedule
 * @param seed the training seed (the record's rng_seed)
 * @param seeds init, order and augmentation seeds
 * @param options device and threads
 * @param checkpointDir where to write a checkpoint after every epoch, or null for none
 * @param resume continue from the checkpoint in checkpointDir
 * @param folders ImageNet-style image folders trained with pycls's ImageNet recipe instead of `data`, or null
 */
public record TrainingJob(ModelSpec spec, String space, Cifar10 data, DataSummary dataSummary, Recipe recipe,
        long seed, Seeds seeds, EngineOptions options, Path checkpointDir, boolean resume, FolderData folders) {
    /** Checks that resuming has a checkpoint directory and that the net is the one the recipe trains. */
    public TrainingJob {
        if (resume && checkpointDir == null) {
            throw new org.ndsw.NdswException("resuming needs a checkpoint directory");
        }
        recipe.requireMatches(spec);
        if ((data == null) == (folders == null)) {
            throw new IllegalArgumentException("a training job needs exactly one of CIFAR-10 data and image folders");
        }
    }

    /** A CIFAR-10 job. */
    public TrainingJob(ModelSpec spec, String space, Cifar10 data, DataSummary dataSummary, Recipe recipe, long seed,
            Seeds seeds, EngineOptions options, Path checkpointDir, boolean resume) {
        this(spec, space, data, dataSummary, recipe, seed, seeds, options, checkpointDir, resume, null);
    }

    /** The network input: 3 x 32 x 32 for CIFAR-10, 3 x im-size x im-size for image folders. */
    public org.ndsw.net.Shape input() {
        return folders == null ? org.ndsw.net.Networks.CIFAR_INPUT
                : new org.ndsw.net.Shape(3, folders.recipe().imSize(), folders.recipe().imSize());
    }

    /** The number of classes: 10 for CIFAR-10, the class folders for image folders. */
    public int classes() {
        return folders == null ? org.ndsw.net.Networks.CIFAR_CLASSES : folders.classes().size();
    }
}
