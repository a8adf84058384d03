package org.ndsw.ui.spaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.Constraints;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.RegNetSpace;
import org.ndsw.space.SpaceFiles;
import org.ndsw.space.StageSpace;
import org.ndsw.ui.task.DirectTaskRunner;

/** The space editor on the RegNet paper's spaces: AnyNetX_A to E, RegNetX and RegNetY, and constraints. */
class SpaceEditorPyclsTest {
    private final DirectTaskRunner tasks = new DirectTaskRunner();

    @AfterEach
    void everyFailureWasHandled() {
        tasks.assertFailuresHandled();
    }

    private static SpacesViewModel select(SpacesViewModel vm, String name) {
        vm.selected.set(vm.entries.stream().filter(e -> e.space().name().equals(name)).findFirst().orElseThrow());
        return vm;
    }

    @Test
    void everyAnyNetXSpaceShowsAndWritesBackWhatItHas(@TempDir Path dir) {
        SpacesViewModel vm = new SpacesViewModel(tasks, dir);
        for (String name : BuiltinSpaces.PYCLS_NAMES) {
            StageSpace s = (StageSpace) BuiltinSpaces.find(name).orElseThrow();
            SpaceEditorViewModel ed = select(vm, name).editor;
            assertEquals("", ed.errorProperty().get(), name);
            assertTrue(ed.pycls.get(), name);
            assertEquals(224, ed.imageSize.get());
            assertEquals(1000, ed.classes.get());
            assertEquals(2, ed.stemStride.get());
            assertEquals(s.stages().size(), ed.stages.size());
            assertEquals(s.constraints().values().size() + s.constraints().relations().size(), ed.constraints.size());
            assertEquals(SpaceFiles.toJson(s), SpaceFiles.toJson(ed.spaceProperty().get()), name);
            assertFalse(ed.dirtyProperty().get(), name);
            ed.constraints.forEach(r -> assertFalse(r.describe(true).contains("groups"), r.describe(true)));
            assertEquals(1000, ed.previewProperty().get().params().length);
            assertTrue(ed.previewProperty().get().flops()[0] > 100_000_000L, "counted on 224x224: " + name);
        }
    }

    @Test
    void aDuplicatedAnyNetXSpaceKeepsItsConstraintsAndEditsItsPyclsSection(@TempDir Path dir) {
        SpacesViewModel vm = select(new SpacesViewModel(tasks, dir), "AnyNetX_E");
        vm.duplicate();
        SpaceEditorViewModel ed = vm.editor;
        ed.imageSize.set(160);
        ed.addStage();
        ed.stages.get(4).depths.setAll(1, 2);
        Path f = vm.save();
        StageSpace saved = (StageSpace) SpaceFiles.read(f);
        StageSpace e = (StageSpace) BuiltinSpaces.find("AnyNetX_E").orElseThrow();
        assertEquals(e.constraints(), saved.constraints());
        assertEquals(160, saved.pycls().imageSize());
        assertEquals(5, saved.stages().size());
        assertEquals("AnyNetX_E copy", saved.name());
    }

    @Test
    void addingASharedBottleneckRatioToAnyNetXATurnsItsSizeIntoAnyNetXB(@TempDir Path dir) {
        SpacesViewModel vm = select(new SpacesViewModel(tasks, dir), "AnyNetX_A");
        vm.duplicate();
        SpaceEditorViewModel ed = vm.editor;
        assertEquals("1,846,757,322,198,614,016 models", ed.sizeTextProperty().get());
        assertEquals("", ConstraintsForm.add(ed, Constraints.Param.BOTTLENECK_RATIO, ConstraintsForm.Kind.SHARED, "",
                "", "", ""));
        assertEquals("68,398,419,340,689,408 models", ed.sizeTextProperty().get());
        assertEquals("That constraint is already there", ConstraintsForm.add(ed, Constraints.Param.BOTTLENECK_RATIO,
                ConstraintsForm.Kind.SHARED, "", "", "", ""));
        assertEquals("", ConstraintsForm.add(ed, Constraints.Param.DEPTH, ConstraintsForm.Kind.VALUES, "", "4", "",
                "1"));
        // stage 1 keeps depths 1 to 4 of 16: a quarter of the sequences.
        assertEquals("17,099,604,835,172,352 models", ed.sizeTextProperty().get());
        assertTrue(ed.dirtyProperty().get());
        ed.removeConstraint(1);
        assertEquals("68,398,419,340,689,408 models", ed.sizeTextProperty().get());
        ed.undo();
        assertEquals(2, ed.constraints.size());
        assertEquals("Give a min, a max or a set of values", ConstraintsForm.add(ed, Constraints.Param.WIDTH,
                ConstraintsForm.Kind.VALUES, "", "", "", ""));
        Path f = vm.save();
        StageSpace saved = (StageSpace) SpaceFiles.read(f);
        assertEquals(List.of(new Constraints.Relation(Constraints.Param.BOTTLENECK_RATIO, Constraints.Kind.SHARED)),
                saved.constraints().relations());
        Constraints.ValueRule rule = saved.constraints().values().get(0);
        assertEquals(Constraints.Param.DEPTH, rule.param());
        assertEquals(4, rule.max());
        assertEquals(List.of(1), java.util.Arrays.stream(rule.stages()).boxed().toList());
    }

    @Test
    void regNetXLoadsWithItsRangesAndTheStagesOfTheMiddleSetting(@TempDir Path dir) {
        SpacesViewModel vm = select(new SpacesViewModel(tasks, dir), "RegNetX");
        SpaceEditorViewModel ed = vm.editor;
        RegNetSpace x = (RegNetSpace) BuiltinSpaces.find("RegNetX").orElseThrow();
        assertEquals("", ed.errorProperty().get());
        assertEquals("regnet", ed.family.get());
        assertEquals(x, ed.spaceProperty().get());
        assertEquals(x.depth().min(), ed.regnet.depthMin.get());
        assertEquals(x.wm().max().stripTrailingZeros().toPlainString(), ed.regnet.wmMax.get());
        assertTrue(ed.sizeTextProperty().get().startsWith("at most "), ed.sizeTextProperty().get());
        List<RegNetDraft.StageRow> rows = ed.generatedProperty().get();
        assertEquals(RegNetDraft.stagesOf(RegNetDraft.midRange(x)), rows);
        assertFalse(rows.isEmpty());
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i).width() >= rows.get(i - 1).width(), "widths increase: " + rows);
        }
        assertTrue(ed.previewProperty().get().flops()[0] > 100_000_000L, "counted on 224x224");
    }

    @Test
    void aTypedSettingGeneratesPyclsStagesOfRegNetX200MF(@TempDir Path dir) {
        SpaceEditorViewModel ed = select(new SpacesViewModel(tasks, dir), "RegNetX").editor;
        // RegNetX-200MF in pycls: DEPTH 13, W0 24, WA 36.44, WM 2.49, GROUP_W 8 gives widths 24, 56, 152, 368.
        ed.previewSetting.set("13 24 36.44 2.49 8 1");
        List<RegNetDraft.StageRow> rows = ed.generatedProperty().get();
        assertEquals(List.of(24, 56, 152, 368), rows.stream().map(RegNetDraft.StageRow::width).toList());
        assertEquals(List.of(1, 1, 4, 7), rows.stream().map(RegNetDraft.StageRow::depth).toList());
        assertFalse(ed.dirtyProperty().get(), "the preview setting is not part of the space");
        ed.previewSetting.set("13 24 x");
        assertTrue(ed.generatedTextProperty().get().startsWith("Preview setting: give six numbers"),
                ed.generatedTextProperty().get());
    }

    @Test
    void editingRegNetWmValidatesUndoesAndSavesThroughSpaceFiles(@TempDir Path dir) {
        SpacesViewModel vm = select(new SpacesViewModel(tasks, dir), "RegNetX");
        vm.duplicate();
        SpaceEditorViewModel ed = vm.editor;
        List<RegNetDraft.StageRow> before = ed.generatedProperty().get();
        ed.regnet.wmMin.set("2.9");
        ed.regnet.wmMax.set("3");
        assertTrue(ed.dirtyProperty().get());
        assertEquals("", ed.errorProperty().get());
        assertNotEquals(before, ed.generatedProperty().get());
        ed.regnet.wmMin.set("0.5");
        assertEquals("regnet.wm", ed.errorFieldProperty().get());
        assertTrue(ed.errorProperty().get().startsWith("Width multiplier wm: must be a range with multiples of 0.001"),
                ed.errorProperty().get());
        assertNull(ed.spaceProperty().get());
        ed.regnet.wmMin.set("abc");
        assertEquals("regnet.wm[0]", ed.errorFieldProperty().get());
        ed.undo();
        ed.undo();
        assertEquals("2.9", ed.regnet.wmMin.get());
        assertNotNull(ed.spaceProperty().get());
        ed.redo();
        assertEquals("0.5", ed.regnet.wmMin.get());
        ed.undo();
        Path f = vm.save();
        assertFalse(ed.dirtyProperty().get());
        RegNetSpace saved = (RegNetSpace) SpaceFiles.read(f);
        assertEquals(new BigDecimal("2.9"), saved.wm().min());
        assertEquals(new BigDecimal("3"), saved.wm().max());
        assertEquals("RegNetX copy", saved.name());
        DesignSpace again = select(new SpacesViewModel(tasks, dir), "RegNetX copy").editor.spaceProperty().get();
        assertEquals(saved, again);
    }

    @Test
    void regNetYKeepsItsSeRatioAndTheEditorRefusesABadOne(@TempDir Path dir) {
        SpaceEditorViewModel ed = select(new SpacesViewModel(tasks, dir), "RegNetY").editor;
        assertEquals("0.25", ed.regnet.seRatio.get());
        ed.regnet.seRatio.set("2");
        assertEquals("regnet.se_ratio", ed.errorFieldProperty().get());
        assertTrue(ed.errorProperty().get().startsWith("SE ratio: "), ed.errorProperty().get());
    }
}
