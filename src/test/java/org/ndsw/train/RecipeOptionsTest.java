package org.ndsw.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.CellSpec;
import org.ndsw.space.ModelSpec;

/** --recipe and the enhanced setup's options: defaults, overrides, and stage-wise nets refused naming the option. */
class RecipeOptionsTest {
    private static final Recipe BASE = Recipe.NDS_CIFAR;
    private static final CellSpec DARTS = (CellSpec) BuiltinSpaces.find("DARTS").orElseThrow()
            .sample(new SplittableRandom(1));
    private static final ModelSpec RESNET = BuiltinSpaces.find("ResNet").orElseThrow().sample(new SplittableRandom(1));

    private static RecipeOptions options(String recipe, Integer epochs, Integer cutout, Double aux, Double drop) {
        return new RecipeOptions(recipe, epochs, cutout, aux, drop);
    }

    @Test
    void enhancedIsThePapersSetupAndTurnsOnTheHeadAndDropPathOfACellNet() {
        RecipeOptions o = options("enhanced", null, null, null, null);
        Recipe r = o.recipe(BASE, DARTS);
        assertEquals(Recipe.ENHANCED_CIFAR, r);
        CellSpec net = (CellSpec) o.net(DARTS, r);
        assertTrue(net.aux());
        assertEquals(0.2, net.dropProb());
        assertEquals(DARTS.genotype(), net.genotype());
    }

    @Test
    void plainIsThePapersRecipe() {
        RecipeOptions o = options(null, null, null, null, null);
        assertEquals("plain", o.recipe());
        assertEquals(Recipe.NDS_CIFAR, o.recipe(BASE, DARTS));
        assertEquals(DARTS, o.net(DARTS, o.recipe(BASE, DARTS)));
        assertEquals(RESNET, o.net(RESNET, o.recipe(BASE, RESNET)));
    }

    @Test
    void individualOptionsOverrideTheNamedSetup() {
        RecipeOptions o = options("enhanced", 2, 8, 0.0, 0.1);
        Recipe r = o.recipe(BASE.withBatchSizes(32, 64), DARTS);
        assertEquals(2, r.epochs());
        assertEquals(8, r.cutout());
        assertEquals(0, r.auxWeight());
        assertEquals(0.1, r.dropPath());
        assertEquals(32, r.batchSize(), "the base's other settings stay");
        CellSpec net = (CellSpec) o.net(DARTS, r);
        assertFalse(net.aux());
        assertEquals(0.1, net.dropProb());
        Recipe cutoutOnly = options("plain", null, 16, null, null).recipe(BASE, DARTS);
        assertEquals(BASE.withCutout(16), cutoutOnly);
    }

    @Test
    void aPlainRecipeTrainsARecordsNetAsItSays() {
        CellSpec withHead = DARTS.withTraining(true, 0.3);
        Recipe r = options("plain", null, null, null, null).recipe(BASE, withHead);
        assertEquals(0.4, r.auxWeight(), "DARTS' auxiliary_weight for a net with \"aux\": true");
        assertEquals(0.3, r.dropPath());
        assertEquals(withHead, options("plain", null, null, null, null).net(withHead, r));
    }

    @Test
    void stageWiseNetsRefuseTheHeadAndDropPathNamingTheOption() {
        assertEquals("--recipe enhanced: its auxiliary head (weight 0.4) and drop-path (0.2) are defined for cell"
                + " networks only, and this net is stage-wise; only --cutout and --epochs apply to stage-wise networks"
                + " (--recipe enhanced --aux-weight 0 --drop-path 0 keeps the rest of the enhanced setup)",
                refusal(options("enhanced", null, null, null, null)));
        assertEquals("--aux-weight 0.4: the auxiliary head is defined for cell networks only, and this net is"
                + " stage-wise; only --cutout and --epochs apply to stage-wise networks",
                refusal(options("plain", null, null, 0.4, null)));
        assertEquals("--drop-path 0.2: drop-path is defined for cell networks only, and this net is stage-wise;"
                + " only --cutout and --epochs apply to stage-wise networks",
                refusal(options("enhanced", null, null, 0.0, 0.2)));
    }

    @Test
    void stageWiseNetsTakeCutoutAndEpochs() {
        RecipeOptions o = options("enhanced", 3, null, 0.0, 0.0);
        Recipe r = o.recipe(BASE, RESNET);
        assertEquals(BASE.withEpochs(3).withCutout(16), r);
        assertEquals(RESNET, o.net(RESNET, r));
        RecipeOptions cut = options("plain", 5, 16, null, null);
        assertEquals(RESNET, cut.net(RESNET, cut.recipe(BASE, RESNET)));
    }

    @Test
    void anUnknownRecipeIsNamed() {
        assertEquals("--recipe must be plain or enhanced, got \"fancy\"",
                assertThrows(NdswException.class, () -> options("fancy", null, null, null, null)).getMessage());
    }

    private static String refusal(RecipeOptions o) {
        return assertThrows(NdswException.class, () -> o.net(RESNET, o.recipe(BASE, RESNET))).getMessage();
    }
}
