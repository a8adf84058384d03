package org.ndsw.train;

import java.util.Locale;
import java.util.Set;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.space.CellSpec;
import org.ndsw.space.ModelSpec;

/**
 * A training setup as the user asks for it on the command line: a named recipe and the options that override its
 * values (null = not given). Named recipes: "plain", the paper's recipe (docs/training.md), and "enhanced", the paper's
 * enhanced DARTS setup (§5.4, Table 4; {@link Recipe#ENHANCED_CIFAR}: 600 epochs, cutout 16, auxiliary head weight
 * 0.4, drop-path 0.2).
 *
 * <p>The auxiliary head and drop-path exist in cell networks only: for a stage-wise net the enhanced recipe, a
 * positive --aux-weight or a positive --drop-path is refused, naming the option; its cutout and epochs apply.
 *
 * @param recipe "plain" or "enhanced" (null reads as plain)
 * @param epochs --epochs, or null
 * @param cutout --cutout, or null
 * @param auxWeight --aux-weight, or null
 * @param dropPath --drop-path, or null
 */
public record RecipeOptions(String recipe, Integer epochs, Integer cutout, Double auxWeight, Double dropPath) {
    /** The paper's recipe (docs/training.md, "Options"). */
    public static final String PLAIN = "plain";
    /** The paper's enhanced DARTS setup (§5.4). */
    public static final String ENHANCED = "enhanced";
    /** The names --recipe accepts. */
    public static final Set<String> NAMES = Set.of(PLAIN, ENHANCED);

    /** Checks the recipe name. */
    public RecipeOptions {
        recipe = recipe == null ? PLAIN : recipe;
        if (!NAMES.contains(recipe)) {
            throw new NdswException("--recipe must be plain or enhanced, got " + Quote.of(recipe));
        }
    }

    /** True for the enhanced setup. */
    public boolean enhanced() {
        return ENHANCED.equals(recipe);
    }

    /**
     * The recipe asked for: base's optimizer and batch settings, and epochs, cutout, aux weight and drop-path from the
     * options, else from the named setup. With the plain recipe the aux weight defaults to DARTS' 0.4 when the net
     * (null for a sweep's spaces) has the auxiliary head, and drop-path to the net's drop_prob, so a record's net
     * trains as it says.
     */
    public Recipe recipe(Recipe base, ModelSpec net) {
        CellSpec cell = net instanceof CellSpec c ? c : null;
        Recipe named = enhanced() ? Recipe.ENHANCED_CIFAR : Recipe.NDS_CIFAR;
        double netAux = cell != null && cell.aux() ? Recipe.ENHANCED_CIFAR.auxWeight() : 0;
        double netDrop = cell != null ? cell.dropProb() : 0;
        return base.withEpochs(epochs != null ? epochs : enhanced() ? named.epochs() : base.epochs())
                .withCutout(cutout != null ? cutout : named.cutout())
                .withAuxWeight(auxWeight != null ? auxWeight : enhanced() ? named.auxWeight() : netAux)
                .withDropPath(dropPath != null ? dropPath : enhanced() ? named.dropPath() : netDrop);
    }

    /** The net as the recipe trains it ({@link Recipe#trainedNet}); refuses a stage-wise net, naming the option. */
    public ModelSpec net(ModelSpec spec, Recipe recipe) {
        if (!(spec instanceof CellSpec)) {
            requireCells(recipe, "this net is " + spec.family() + "-wise");
        }
        return recipe.trainedNet(spec);
    }

    /**
     * Refuses a recipe with an auxiliary head or drop-path for networks that are not cell networks, naming the option
     * that asked for it; `what` says what is stage-wise ("this net is stage-wise", "space ResNet is stage-wise").
     */
    public void requireCells(Recipe recipe, String what) {
        String rest = ", and " + what + "; only --cutout and --epochs apply to stage-wise networks";
        if (auxWeight != null && auxWeight > 0) {
            throw new NdswException(String.format(Locale.ROOT, "--aux-weight %s: the auxiliary head is defined for"
                    + " cell networks only%s", auxWeight, rest));
        }
        if (dropPath != null && dropPath > 0) {
            throw new NdswException(String.format(Locale.ROOT, "--drop-path %s: drop-path is defined for cell networks"
                    + " only%s", dropPath, rest));
        }
        if (recipe.needsCells()) {
            throw new NdswException(String.format(Locale.ROOT, "--recipe %s: its auxiliary head (weight %s) and"
                    + " drop-path (%s) are defined for cell networks only%s (--recipe enhanced --aux-weight 0"
                    + " --drop-path 0 keeps the rest of the enhanced setup)", recipe(), recipe.auxWeight(),
                    recipe.dropPath(), rest));
        }
    }
}
