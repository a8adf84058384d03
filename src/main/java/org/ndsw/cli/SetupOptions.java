package org.ndsw.cli;

import org.ndsw.train.RecipeOptions;
import picocli.CommandLine.Option;

/**
 * The training-setup options shared by `ndsw train` and `ndsw sweep create`: --recipe and the enhanced setup's
 * individual options (paper §5.4, docs/training.md "The enhanced DARTS setup").
 */
final class SetupOptions {
    @Option(names = "--recipe", defaultValue = RecipeOptions.PLAIN, paramLabel = "plain|enhanced",
            description = "plain: the paper's recipe (docs/training.md). enhanced: the paper's enhanced DARTS setup"
                    + " (§5.4, Table 4): 600 epochs, --cutout 16, --aux-weight 0.4, --drop-path 0.2; the options below"
                    + " override it. Default: ${DEFAULT-VALUE}.")
    String recipe;

    @Option(names = "--cutout", paramLabel = "N", description = "Zero one NxN square per"
            + " training image, centred at a random pixel (DARTS Cutout); 0 = off. Default: 0, 16 with --recipe"
            + " enhanced.")
    Integer cutout;

    @Option(names = "--aux-weight", paramLabel = "W", description = "Train an auxiliary head"
            + " after the second reduction cell and add W times its loss (DARTS); 0 = no head. Cell networks only."
            + " Default: 0 (0.4 for a net with \"aux\": true), 0.4 with --recipe enhanced.")
    Double auxWeight;

    @Option(names = "--drop-path", paramLabel = "P", description = "Drop-path probability,"
            + " scaled by epoch/epochs (DARTS: P·e/E in epoch e = 0..E-1). Cell networks only. Default: the net's"
            + " drop_prob (0), 0.2 with --recipe enhanced.")
    Double dropPath;

    /** The setup asked for, with --epochs (null when not given). */
    RecipeOptions options(Integer epochs) {
        return new RecipeOptions(recipe, epochs, cutout, auxWeight, dropPath);
    }
}
