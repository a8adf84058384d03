package org.ndsw.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;

class RecipeTest {
    @Test
    void defaultsAreThePapersCifarRecipe() {
        Recipe r = Recipe.NDS_CIFAR;
        assertEquals(100, r.epochs());
        assertEquals(128, r.batchSize());
        assertEquals(200, r.testBatchSize());
        assertEquals(0.1, r.baseLr());
        assertEquals(0.9, r.momentum());
        assertTrue(r.nesterov());
        assertEquals(5e-4, r.weightDecay());
    }

    @Test
    void cosineStartsAtBaseHalvesMidwayAndNeverReachesZero() {
        Recipe r = Recipe.NDS_CIFAR;
        assertEquals(0.1, r.learningRate(0), 1e-15);
        assertEquals(0.05, r.learningRate(50), 1e-15);
        assertEquals(0.5 * 0.1 * (1 + Math.cos(Math.PI * 99 / 100)), r.learningRate(99), 1e-15);
        assertTrue(r.learningRate(99) > 0);
    }

    @Test
    void compressedCosineFollowsTheFormula() {
        Recipe r = Recipe.NDS_CIFAR.withEpochs(5);
        double[] expected = {0.1, 0.0904508497187474, 0.0654508497187474, 0.0345491502812526, 0.0095491502812526};
        for (int e = 0; e < 5; e++) {
            assertEquals(expected[e], r.learningRate(e), 1e-12, "epoch " + e);
            assertEquals(r.learningRate(e), r.sgd(e).lr());
        }
    }

    @Test
    void learningRateDecreasesEveryEpoch() {
        Recipe r = Recipe.NDS_CIFAR;
        for (int e = 1; e < r.epochs(); e++) {
            assertTrue(r.learningRate(e) < r.learningRate(e - 1));
        }
    }

    @Test
    void invalidValuesNameTheOption() {
        assertEquals("epochs must be an integer in [1, 10,000] (the paper trains 10 to 100 epochs), got 0",
                assertThrows(NdswException.class, () -> Recipe.NDS_CIFAR.withEpochs(0)).getMessage());
        assertEquals("learning rate must be a positive number, got -1.0",
                assertThrows(NdswException.class, () -> Recipe.NDS_CIFAR.withLrAndWd(-1, 0)).getMessage());
        assertEquals("weight decay must be a non-negative number, got NaN",
                assertThrows(NdswException.class, () -> Recipe.NDS_CIFAR.withLrAndWd(0.1, Double.NaN)).getMessage());
        assertEquals("momentum must be in [0, 1), got 1.0",
                assertThrows(NdswException.class, () -> Recipe.NDS_CIFAR.withMomentum(1.0, true)).getMessage());
    }

    @Test
    void seedsAreDeterministicAndEpochStreamsDiffer() {
        Seeds a = Seeds.of(7);
        assertEquals(a, Seeds.of(7));
        assertTrue(!a.equals(Seeds.of(8)));
        assertEquals(a.orderRng(3).nextLong(), a.orderRng(3).nextLong());
        assertTrue(a.orderRng(3).nextLong() != a.orderRng(4).nextLong());
        assertTrue(a.orderRng(0).nextLong() != a.augmentRng(0).nextLong());
    }

    @Test
    void enhancedSetupIsThePapersSection54() {
        Recipe r = Recipe.ENHANCED_CIFAR;
        assertEquals(600, r.epochs());
        assertEquals(16, r.cutout());
        assertEquals(0.4, r.auxWeight());
        assertEquals(0.2, r.dropPath());
        assertEquals(Recipe.NDS_CIFAR.withEpochs(600), r.withCutout(0).withAuxWeight(0).withDropPath(0));
        assertEquals(0.4, r.sgd(3).auxWeight());
        assertEquals(0, Recipe.NDS_CIFAR.sgd(3).auxWeight());
    }

    @Test
    void dropPathGrowsLinearlyFromZeroAsInDarts() {
        Recipe r = Recipe.ENHANCED_CIFAR;
        assertEquals(0, r.dropPathProb(0));
        assertEquals(0.2 * 300 / 600, r.dropPathProb(300), 1e-15);
        assertEquals(0.2 * 599 / 600, r.dropPathProb(599), 1e-15);
        assertEquals(0, Recipe.NDS_CIFAR.dropPathProb(50));
    }

    @Test
    void invalidEnhancementsNameTheOption() {
        assertEquals("cutout must be between 0 (off) and 32 pixels, got -1",
                assertThrows(NdswException.class, () -> Recipe.NDS_CIFAR.withCutout(-1)).getMessage());
        assertEquals("aux weight must be a non-negative number (0 = no auxiliary head), got NaN",
                assertThrows(NdswException.class, () -> Recipe.NDS_CIFAR.withAuxWeight(Double.NaN)).getMessage());
        assertEquals("drop-path probability must be in [0, 1), got 1.0",
                assertThrows(NdswException.class, () -> Recipe.NDS_CIFAR.withDropPath(1)).getMessage());
    }

    @Test
    void theNetMustBeTheOneTheRecipeTrains() {
        org.ndsw.space.CellSpec cell = (org.ndsw.space.CellSpec) org.ndsw.space.BuiltinSpaces.find("DARTS")
                .orElseThrow().sample(new java.util.SplittableRandom(1));
        Recipe.ENHANCED_CIFAR.requireMatches(cell.withTraining(true, 0.2));
        Recipe.NDS_CIFAR.requireMatches(cell);
        assertEquals("the net (aux false, drop_prob 0.0) does not match the recipe (aux weight 0.4, drop-path 0.2):"
                + " a cell network has the auxiliary head exactly when the aux weight is above 0, and drop_prob is the"
                + " drop-path probability", assertThrows(NdswException.class,
                        () -> Recipe.ENHANCED_CIFAR.requireMatches(cell)).getMessage());
        org.ndsw.space.ModelSpec resnet = org.ndsw.space.BuiltinSpaces.find("ResNet").orElseThrow()
                .sample(new java.util.SplittableRandom(1));
        Recipe.NDS_CIFAR.withCutout(16).requireMatches(resnet);
        assertEquals("the auxiliary head (aux weight 0.4) and drop-path (0.2) are defined for cell networks only, and"
                + " this net is stage-wise", assertThrows(NdswException.class,
                        () -> Recipe.ENHANCED_CIFAR.requireMatches(resnet)).getMessage());
    }

    @Test
    void theRecordStoresEveryValueOfTheSetup() {
        var optim = ResultJson.optim(Recipe.ENHANCED_CIFAR);
        assertEquals(600, optim.get("max_ep").intValue());
        assertEquals(16, optim.get("cutout").intValue());
        assertEquals(0.4, optim.get("aux_weight").doubleValue());
        assertEquals(0.2, optim.get("drop_path_prob").doubleValue());
        assertEquals("{\"pad\":4,\"crop\":32,\"flip\":true,\"cutout\":16}",
                ResultJson.augment(Recipe.ENHANCED_CIFAR).toString());
        assertEquals(0, ResultJson.optim(Recipe.NDS_CIFAR).get("cutout").intValue());
    }
}
