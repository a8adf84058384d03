package org.ndsw.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.RegNetSpace;
import org.ndsw.train.DataSummary;
import org.ndsw.train.Device;
import org.ndsw.train.EngineOptions;
import org.ndsw.train.Recipe;
import org.ndsw.train.Seeds;
import org.ndsw.train.TrainingJob;
import org.ndsw.train.data.FolderData;

/** `ndsw train --space RegNetX|RegNetY`: the space's own sample, and RegNetY's SE ratio reaches the job. */
class ModelSourceRegNetTest {
    @Test
    void regNetSpacesGiveTheirSamplerDrawsAndTheirSeRatio() {
        for (String name : new String[] {"RegNetX", "RegNetY"}) {
            RegNetSpace space = (RegNetSpace) BuiltinSpaces.find(name).orElseThrow();
            ModelSource m = ModelSource.ofSpace(name, 9);
            assertEquals(space.sample(new SplittableRandom(9)), m.spec());
            assertEquals(name, m.space());
            TrainingJob job = new TrainingJob(m.spec(), m.space(), null, new DataSummary(FolderData.NAME,
                    FolderData.FORMAT, "x", 1, 1, 0, 0), Recipe.NDS_CIFAR, 1, Seeds.of(1),
                    new EngineOptions(Device.CPU, 1), null, false, new FolderData(java.util.List.of(), new int[0],
                    java.util.List.of(), new int[0], java.util.List.of("a", "b"), java.nio.file.Path.of("x"),
                    new org.ndsw.train.data.ImageRecipe(32, 36, 0)));
            assertEquals(space.seRatio(), ((org.ndsw.space.StageSpec) job.spec()).seRatio());
        }
    }
}
