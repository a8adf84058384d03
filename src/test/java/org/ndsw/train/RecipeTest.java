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
        assertEquals("epochs must be a positive integer, got 0",
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
}
