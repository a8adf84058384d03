package org.ndsw.train;

import java.nio.file.Path;
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
 */
public record TrainingJob(ModelSpec spec, String space, Cifar10 data, DataSummary dataSummary, Recipe recipe,
        long seed, Seeds seeds, EngineOptions options, Path checkpointDir, boolean resume) {
    /** Checks that resuming has a checkpoint directory and that the net is the one the recipe trains. */
    public TrainingJob {
        if (resume && checkpointDir == null) {
            throw new org.ndsw.NdswException("resuming needs a checkpoint directory");
        }
        recipe.requireMatches(spec);
    }
}
