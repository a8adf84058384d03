package org.ndsw.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;
import org.ndsw.app.space.Refinement;
import org.ndsw.app.sweep.SweepDefinition;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.Window;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.Constraints;
import org.ndsw.space.StageSpace;
import org.ndsw.train.Device;
import org.ndsw.train.Recipe;

/** Good ranges to value rules, the child's constraints, and the child sweep's definition. */
class RefinementTest {
    @Test
    void aBottleneckRangeBecomesARatioRangeAndOtherStageParametersStayAsTheyAre() {
        Constraints.ValueRule b = Refinement.rule("net.bot_muls[2]", 0.25, 1.0);
        assertEquals(Constraints.Param.BOTTLENECK_RATIO, b.param());
        assertEquals(1, b.min());
        assertEquals(4, b.max());
        assertArrayEquals(new int[] {2}, b.stages());
        Constraints.ValueRule w = Refinement.rule("net.ws[3]", 16, 48);
        assertEquals(Constraints.Param.WIDTH, w.param());
        assertEquals(16, w.min());
        assertEquals(48, w.max());
        assertEquals(Constraints.Param.GROUPS, Refinement.param("net.num_gs[1]"));
    }

    @Test
    void derivedParametersAndTheStemAreRefusedWithWhatToPickInstead() {
        NdswException d = assertThrows(NdswException.class, () -> Refinement.rule("params", 0.01, 0.1));
        assertTrue(d.getMessage().contains("refine by a per-stage parameter"), d.getMessage());
        NdswException stem = assertThrows(NdswException.class, () -> Refinement.rule("net.ws[0]", 16, 16));
        assertTrue(stem.getMessage().contains("stem"), stem.getMessage());
    }

    @Test
    void aChildKeepsItsParentsConstraintsAndAddsARelationOnce() {
        StageSpace e = (StageSpace) BuiltinSpaces.resolve("AnyNetX_E");
        Constraints.Relation shared = new Constraints.Relation(Constraints.Param.BOTTLENECK_RATIO,
                Constraints.Kind.SHARED);
        StageSpace child = Refinement.child(e, "E-child", List.of(), List.of(shared));
        assertEquals("AnyNetX_E", child.parent());
        assertEquals(e.constraints().relations().size(), child.constraints().relations().size(),
                "AnyNetX_E already shares b");
        NdswException empty = assertThrows(NdswException.class, () -> Refinement.child(BuiltinSpaces.resolve(
                "ResNet"), "x", List.of(new Constraints.ValueRule(Constraints.Param.WIDTH, new int[0], 1000, null,
                new int[0])), List.of()));
        assertTrue(empty.getMessage().contains("leave stage 1 no width"), empty.getMessage());
    }

    @Test
    void theChildSweepKeepsTheParentSweepsRecipeAndTakesTheConfirmedFields() {
        SweepDefinition parent = new SweepDefinition("p", "ResNet", 100, 7, Window.NONE, Convention.NDS,
                Recipe.NDS_CIFAR.withEpochs(4), "/data", 5000, 1000, 3, "djl", Device.CPU, 2);
        SweepDefinition child = new ChildSweep("c", 10, 2, 64, "/other").definition(Path.of("/s/c.json"), parent);
        assertEquals("/s/c.json", child.space());
        assertEquals(7, child.seed());
        assertEquals(5000, child.trainSubset());
        assertEquals(2, child.seedsPerModel());
        assertEquals(2, child.recipe().epochs());
        assertEquals(64, child.recipe().batchSize());
        assertEquals(Recipe.NDS_CIFAR.baseLr(), child.recipe().baseLr());
        assertEquals("ResNet-refined-sweep", ChildSweep.suggestName("ResNet-refined"));
        assertEquals("my-space-sweep", ChildSweep.suggestName("my space"));
    }
}
