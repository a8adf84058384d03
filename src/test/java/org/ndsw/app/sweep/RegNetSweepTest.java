package org.ndsw.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.app.space.SamplingService;
import org.ndsw.catalog.ModelEntry;
import org.ndsw.catalog.SweepRun;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.Window;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.DesignSpace;
import org.ndsw.train.Device;
import org.ndsw.train.Recipe;
import org.ndsw.train.data.ImageRecipe;
import org.ndsw.train.data.TinyImageNet;

/** `sweep create --space RegNetX|RegNetY` queues the models the space's own sampler (d, w0, wa, wm, g, b) draws. */
class RegNetSweepTest {
    @TempDir Path dir;

    @Test
    void regNetSweepsQueueTheSpacesOwnSamples() {
        Path data = TinyImageNet.write(dir.resolve("in"), 4, 2, 1);
        for (String name : List.of("RegNetX", "RegNetY")) {
            SweepDefinition def = new SweepDefinition(name.toLowerCase(), name, 3, 7, Window.NONE, Convention.NDS,
                    Recipe.NDS_CIFAR.withEpochs(1).withBatchSizes(4, 6), data.toString(), 0, 0, 0, "djl", Device.CPU,
                    1, new ImageRecipe(32, 36, 0), null);
            SweepService s = new SweepService(dir.resolve(name + ".db"));
            SweepService.Created c = s.create(def, null);
            assertEquals(3, c.models());
            DesignSpace space = BuiltinSpaces.find(name).orElseThrow();
            List<String> want = SamplingService.sample(new SamplingService.Request(space, 3, 7, Window.NONE,
                    Convention.NDS, true, SamplingService.DEFAULT_MAX_DRAWS)).samples().stream()
                    .map(x -> ModelEntry.of(x.spec()).hash()).toList();
            assertEquals(want, s.status(def.name()).runs().stream().map(SweepRun::model).toList(), name);
        }
    }
}
