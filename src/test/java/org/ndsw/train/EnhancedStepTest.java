package org.ndsw.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ndsw.net.Graph;
import org.ndsw.net.Networks;
import org.ndsw.space.CellSpec;
import org.ndsw.space.SpecJson;
import org.ndsw.train.data.BatchLoader;
import org.ndsw.train.dl4j.CrossEngineCheck;
import org.ndsw.train.reference.ReferenceEngine;

/**
 * The enhanced DARTS setup (paper §5.4) in every engine: one SGD step with the auxiliary head (weight 0.4), fixed
 * drop-path masks and cutout images equals the double-precision reference's step, and drop-path is the identity in
 * inference.
 */
public class EnhancedStepTest {
    private static final EngineOptions CPU = new EngineOptions(Device.CPU, 2);
    /**
     * A small DARTS-space cell network whose cells use every DARTS op, including skip_connect at stride 2
     * (FactorizedReduce), "none" and the identity skip_connect (which gets no drop-path).
     */
    public static final String NET = "{\"genotype\":{"
            + "\"normal\":[[\"sep_conv_3x3\",0],[\"skip_connect\",1],[\"dil_conv_5x5\",0],[\"avg_pool_3x3\",2],"
            + "[\"none\",1],[\"max_pool_3x3\",3],[\"sep_conv_5x5\",4],[\"skip_connect\",2]],"
            + "\"normal_concat\":[2,3,4,5],"
            + "\"reduce\":[[\"max_pool_3x3\",0],[\"skip_connect\",1],[\"dil_conv_3x3\",2],[\"sep_conv_3x3\",0],"
            + "[\"avg_pool_3x3\",1],[\"skip_connect\",3],[\"none\",0],[\"dil_conv_5x5\",4]],"
            + "\"reduce_concat\":[2,3,4,5]},\"width\":8,\"depth\":4}";

    private static Graph graph;
    private static Batch batch;
    private static final Sgd SGD = Recipe.ENHANCED_CIFAR.sgd(0);

    @BeforeAll
    static void enhancedBatch() {
        CellSpec spec = ((CellSpec) SpecJson.parseNet(NET)).withTraining(true, 0.2);
        graph = Networks.cifar(spec);
        // eight training images with cutout 16 and drop-path masks at probability 0.3, as the training loop makes them
        try (BatchLoader loader = BatchLoader.training(TinyCifar.images(8, 4), 8, new SplittableRandom(1),
                new SplittableRandom(2), new BatchLoader.Extras(16, graph.dropPathSlots(), 0.3))) {
            batch = loader.next();
        }
    }

    @Test
    void theBatchCarriesCutoutImagesAndMasksThatDropSomePaths() {
        assertTrue(graph.hasAux());
        assertEquals(graph.dropPathSlots(), batch.maskSlots());
        int dropped = 0;
        for (float m : batch.masks()) {
            dropped += m == 0 ? 1 : 0;
        }
        assertTrue(dropped > 0 && dropped < batch.masks().length, dropped + " of " + batch.masks().length);
        int zeros = 0;
        for (float v : batch.images()) {
            zeros += v == 0 ? 1 : 0;
        }
        assertTrue(zeros >= 8 * 3 * 8 * 8, "every image has a cutout square of at least 8x8: " + zeros);
        assertEquals(0.4, SGD.auxWeight());
    }

    @Test
    void theMasksAndTheAuxLossChangeTheStepSoTheComparisonsBelowSeeThem() {
        Weights w = WeightInit.initial(graph, 3);
        Batch unmasked = new Batch(batch.images(), batch.labels());
        try (EngineModel a = new ReferenceEngine().build(graph, CPU); EngineModel b = new ReferenceEngine()
                .build(graph, CPU); EngineModel c = new ReferenceEngine().build(graph, CPU)) {
            a.loadWeights(w);
            b.loadWeights(w);
            c.loadWeights(w);
            a.trainStep(batch, SGD);
            b.trainStep(unmasked, SGD);
            c.trainStep(batch, Recipe.NDS_CIFAR.sgd(0));
            assertTrue(SameStep.relativeL2(w, a.weights(), b.weights()) > 10 * SameStep.TOLERANCE, "masks");
            assertTrue(SameStep.relativeL2(w, a.weights(), c.weights()) > 10 * SameStep.TOLERANCE, "aux loss");
        }
    }

    @Test
    void djlTakesTheReferenceStepInEveryConfiguration() {
        for (TrainingEngine djl : TrainingEngines.find("djl").configurations(CPU)) {
            SameStep.assertSameStep(graph, new ReferenceEngine(), djl, CPU, batch, SGD);
        }
    }

    @Test
    void dl4jTakesTheReferenceStep() {
        SameStep.assertSameStep(graph, new ReferenceEngine(), TrainingEngines.find("dl4j"), CPU, batch, SGD);
    }

    @Test
    void dropPathAndTheAuxHeadLeaveInferenceUnchangedInDjl() {
        assertInferenceUnchanged("djl");
    }

    @Test
    void dropPathAndTheAuxHeadLeaveInferenceUnchangedInDl4j() {
        assertInferenceUnchanged("dl4j");
    }

    @Test
    void djlAgreesWithTheReferenceOnTheLogitsOfTheEnhancedNet() {
        assertSameLogits("djl");
    }

    @Test
    void dl4jAgreesWithTheReferenceOnTheLogitsOfTheEnhancedNet() {
        assertSameLogits("dl4j");
    }

    /** With every mask 0, predictions equal those of the network without drop-path and auxiliary head. */
    private static void assertInferenceUnchanged(String name) {
        Graph inference = Networks.cifar(SpecJson.parseNet(NET));
        Batch masked = new Batch(batch.images(), batch.labels(), new float[batch.masks().length]);
        try (EngineModel enhanced = TrainingEngines.find(name).build(graph, CPU);
                EngineModel base = TrainingEngines.find(name).build(inference, CPU)) {
            enhanced.loadWeights(WeightInit.initial(graph, 5));
            base.loadWeights(WeightInit.initial(inference, 5));
            assertArrayEquals(base.predict(masked).data(), enhanced.predict(masked).data(), 1e-5f, name);
            assertEquals(0, enhanced.evaluate(masked).auxLossSum(), name);
            assertEquals(ParameterLayout.trainableCount(graph) + ParameterLayout.auxiliaryCount(graph),
                    enhanced.trainableParameters(), name);
        }
    }

    /** Randomized weights through the .npz format give the reference's logits and trainable count. */
    private static void assertSameLogits(String name) {
        CellSpec spec = ((CellSpec) SpecJson.parseNet(NET)).withTraining(true, 0.2);
        CrossEngineCheck.Result r = new CrossEngineCheck(new ReferenceEngine(), TrainingEngines.find(name), CPU)
                .check(spec, 4, 11);
        assertTrue(r.ok(), name + ": logits differ by " + r.maxRelDiff() + ", params " + r.paramsReference() + " vs "
                + r.paramsCandidate());
    }
}
