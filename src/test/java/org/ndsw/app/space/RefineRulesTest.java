package org.ndsw.app.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.Constraints;
import org.ndsw.space.SpaceFiles;
import org.ndsw.space.StageSpace;

/** Typed value rules of {@code ndsw space refine}, and the refusal to write over an existing file. */
class RefineRulesTest {
    @TempDir Path dir;

    @Test
    void fieldNamesTakeAStageListAndOpenEnds() {
        Constraints.ValueRule r = RefineRules.range("depth[1, 3]=2:", "--range");
        assertEquals(Constraints.Param.DEPTH, r.param());
        assertArrayEquals(new int[] {1, 3}, r.stages());
        assertEquals(2, r.min());
        assertNull(r.max());
        Constraints.ValueRule g = RefineRules.values("group_width=1,2,4", "--values");
        assertEquals(Constraints.Param.GROUPS, g.param());
        assertArrayEquals(new int[0], g.stages());
        assertArrayEquals(new int[] {1, 2, 4}, g.in());
    }

    @Test
    void analysisNamesAreRoundedInwardAndMultipliersBecomeRatios() {
        Constraints.ValueRule w = RefineRules.range("net.ws[2]=15.5:48.7", "--range");
        assertArrayEquals(new int[] {2}, w.stages());
        assertEquals(16, w.min());
        assertEquals(48, w.max());
        Constraints.ValueRule b = RefineRules.range("net.bot_muls[1]=0.25:", "--range");
        assertEquals(Constraints.Param.BOTTLENECK_RATIO, b.param());
        assertNull(b.min(), "no upper multiplier: no lower ratio");
        assertEquals(4, b.max());
        assertArrayEquals(new int[] {4, 1}, RefineRules.values("net.bot_muls[3]=0.25,1", "--values").in());
        assertEquals(Refinement.rule("net.bot_muls[2]", 0.25, 1.0).max(),
                RefineRules.range("net.bot_muls[2]=0.25:1", "--range").max());
    }

    @Test
    void errorsNameTheOptionAndTheValue() {
        NdswException e = assertThrows(NdswException.class, () -> RefineRules.values("width=a,b", "--values"));
        assertEquals("--values \"width=a,b\": \"a\" is not a number", e.getMessage());
        NdswException s = assertThrows(NdswException.class, () -> RefineRules.range("depth[0]=1:2", "--range"));
        assertTrue(s.getMessage().contains("0 is the stem"), s.getMessage());
        NdswException m = assertThrows(NdswException.class, () -> RefineRules.range("net.bot_muls[1]=-1:1", "--range"));
        assertTrue(m.getMessage().contains("multipliers are positive"), m.getMessage());
    }

    @Test
    void anExistingFileIsLeftAsItWasUnlessReplacing() throws Exception {
        StageSpace child = Refinement.child(BuiltinSpaces.resolve("ResNet"), "c", List.of(
                RefineRules.range("depth=1:2", "--range")), List.of());
        Path file = dir.resolve("c.json");
        Files.writeString(file, "mine");
        NdswException e = assertThrows(NdswException.class, () -> Refinement.write(child, file, false));
        assertTrue(e.getMessage().startsWith(file + ": a file of that name exists"), e.getMessage());
        assertEquals("mine", Files.readString(file));
        assertEquals(child.size(), Refinement.write(child, file, true).size());
        assertEquals(child.size(), SpaceFiles.read(file).size());
    }
}
