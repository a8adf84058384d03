package org.ndsw.catalog.nds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The space, dataset and sweep names of every file name pattern of docs/reference/nds-json.md#files. */
class NdsFileNameTest {

    @ParameterizedTest
    @CsvSource({
        "ResNet.json, ResNet, ResNet, cifar10",
        "ResNeXt-A_rng1.json, ResNeXt-A_rng1, ResNeXt-A, cifar10",
        "Vanilla_rng3.json, Vanilla_rng3, Vanilla, cifar10",
        "DARTS_lr-wd.json, DARTS_lr-wd, DARTS, cifar10",
        "PNAS_fix-w-d.json, PNAS_fix-w-d, PNAS, cifar10",
        "ResNet_reruns.json, ResNet_reruns, ResNet, cifar10",
        "ResNeXt-B_in.json, ResNeXt-B_in, ResNeXt-B, imagenet",
        "Vanilla_lr-wd_in.json, Vanilla_lr-wd_in, Vanilla, imagenet",
        "mine, mine, mine, cifar10"})
    void nameGivesSweepSpaceAndDataset(String file, String sweep, String space, String dataset) {
        NdsFileName n = NdsFileName.of(file);
        assertEquals(sweep, n.sweep());
        assertEquals(space, n.space());
        assertEquals(dataset, n.dataset());
    }

    @ParameterizedTest
    @CsvSource({"top, ResNet_reruns/top", "mid, ResNet_reruns/mid"})
    void groupsOfARerunsFileAreSweepsOfTheirOwn(String group, String sweep) {
        assertEquals(sweep, NdsFileName.of("ResNet_reruns.json").sweep(group));
    }
}
