package org.ndsw.ui.spaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.CellOp;
import org.ndsw.space.SpaceFiles;
import org.ndsw.ui.task.DirectTaskRunner;

/** The design spaces panel's view models as plain unit tests (no toolkit, synchronous tasks). */
class SpacesViewModelTest {
    private final DirectTaskRunner tasks = new DirectTaskRunner();

    @AfterEach
    void everyFailureWasHandled() {
        tasks.assertFailuresHandled();
    }


    private SpacesViewModel panel(Path dir) {
        return new SpacesViewModel(tasks, dir);
    }

    private static SpacesViewModel select(SpacesViewModel vm, String name) {
        vm.selected.set(vm.entries.stream().filter(e -> e.space().name().equals(name)).findFirst().orElseThrow());
        return vm;
    }

    @Test
    void selectingABuiltinShowsItsExactSizeAndAPreview(@TempDir Path dir) {
        SpaceEditorViewModel ed = select(panel(dir), "ResNeXt-A").editor;
        assertEquals("11,390,625 models", ed.sizeTextProperty().get());
        assertEquals("", ed.errorProperty().get());
        assertEquals(SpaceEditorViewModel.PREVIEW_SAMPLES, ed.previewProperty().get().params().length);
        assertTrue(ed.exampleTextProperty().get().contains("res_bottleneck_block"));
        assertTrue(!ed.dirtyProperty().get());
    }

    @Test
    void aRegNetFileInTheUserFolderIsListedButNotOfferedForTraining(@TempDir Path dir) {
        org.ndsw.space.SpaceFiles.write(org.ndsw.space.BuiltinSpaces.find("RegNetY").orElseThrow(),
                dir.resolve("my-regnet.json"));
        SpacesViewModel vm = panel(dir);
        assertTrue(vm.entries.stream().anyMatch(e -> dir.resolve("my-regnet.json").equals(e.file())));
        assertEquals("", vm.statusProperty().get());
        assertTrue(vm.entries().stream().noneMatch(e -> e.space() instanceof org.ndsw.space.RegNetSpace));
        assertEquals(BuiltinSpaces.NAMES.size(), vm.entries().size());
    }

    @Test
    void cellSpaceShowsDistinctCells(@TempDir Path dir) {
        SpaceEditorViewModel ed = select(panel(dir), "NASNet").editor;
        assertTrue(ed.sizeTextProperty().get().endsWith("(71,465,842,174,521,600 distinct cells of one type)"),
                ed.sizeTextProperty().get());
    }

    @Test
    void groupsThatDoNotDivideAreReportedOnTheirField(@TempDir Path dir) {
        SpaceEditorViewModel ed = select(panel(dir), "ResNeXt-A").editor;
        ed.stages.get(0).groups.add(8);
        assertTrue(ed.dirtyProperty().get());
        assertNull(ed.spaceProperty().get());
        assertEquals("stages[0].groups", ed.errorFieldProperty().get());
        assertTrue(ed.errorProperty().get().startsWith("Stage 1, Groups: 8 does not divide the bottleneck width"),
                ed.errorProperty().get());
        assertTrue(!ed.errorProperty().get().contains("bottleneck_ratio"), ed.errorProperty().get());
        ed.stages.get(0).groups.remove(Integer.valueOf(8));
        assertNotNull(ed.spaceProperty().get());
        assertEquals("", ed.errorFieldProperty().get());
    }

    @Test
    void editingChoicesChangesTheExactSize(@TempDir Path dir) {
        SpacesViewModel vm = panel(dir);
        vm.newStageSpace();
        SpaceEditorViewModel ed = vm.editor;
        assertEquals("1,259,712 models", ed.sizeTextProperty().get());
        for (StageDraft s : ed.stages) {
            s.depths.setAll(1, 2);
            s.widths.setAll(16, 32, 64);
        }
        assertEquals("216 models", ed.sizeTextProperty().get());
        ed.removeStage(2);
        assertEquals("36 models", ed.sizeTextProperty().get());
    }

    @Test
    void uncheckingEveryOpIsAnError(@TempDir Path dir) {
        SpacesViewModel vm = panel(dir);
        vm.newCellSpace();
        vm.editor.ops.clear();
        assertEquals("ops", vm.editor.errorFieldProperty().get());
        vm.editor.ops.setAll(CellOp.SKIP_CONNECT, CellOp.SEP_CONV_3X3);
        assertEquals("", vm.editor.errorProperty().get());
    }

    /** A refined space (format 2) opened, edited and saved keeps its parent and constraints; so does a pycls space. */
    @Test
    void editingARefinedSpaceKeepsItsConstraints(@TempDir Path dir) {
        SpacesViewModel vm = panel(dir);
        org.ndsw.space.StageSpace original = (org.ndsw.space.StageSpace) SpaceFiles.read(
                Path.of("sample-data/spaces/ResNet-grow.json"));
        vm.open(Path.of("sample-data/spaces/ResNet-grow.json"));
        vm.editor.description.set("edited in the workbench");
        Path saved = vm.saveAs(dir.resolve("grow.json"));
        org.ndsw.space.StageSpace back = (org.ndsw.space.StageSpace) SpaceFiles.read(saved);
        assertEquals("edited in the workbench", back.description());
        assertEquals(original.parent(), back.parent());
        assertEquals(SpaceFiles.toJson(original).get("constraints"), SpaceFiles.toJson(back).get("constraints"));
        assertEquals(original.size(), back.size());

        org.ndsw.space.StageSpace anynet = (org.ndsw.space.StageSpace) BuiltinSpaces.find("AnyNetX_E").orElseThrow();
        vm.editor.load(anynet);
        vm.editor.name.set("My AnyNetX_E");
        org.ndsw.space.StageSpace copy = (org.ndsw.space.StageSpace) SpaceFiles.read(vm.saveAs(dir.resolve("e.json")));
        assertEquals(anynet.pycls(), copy.pycls());
        assertEquals(SpaceFiles.toJson(anynet).get("constraints"), SpaceFiles.toJson(copy).get("constraints"));
        assertEquals(SpaceFiles.toJson(anynet).get("stages"), SpaceFiles.toJson(copy).get("stages"));
        assertEquals(anynet.size(), copy.size());
    }

    @Test
    void savedSpacesAppearInTheListAndReload(@TempDir Path dir) {
        SpacesViewModel vm = panel(dir);
        vm.newCellSpace();
        vm.editor.name.set("My cells");
        vm.editor.ops.setAll(CellOp.SKIP_CONNECT, CellOp.SEP_CONV_3X3);
        vm.editor.cellDepths.setAll(4, 8);
        Path saved = vm.save();
        assertEquals(dir.resolve("My_cells.json"), saved);
        assertEquals("My cells", SpaceFiles.read(saved).name());
        assertEquals(saved, vm.selected.get().file());
        assertTrue(!vm.editor.dirtyProperty().get());
        SpacesViewModel again = panel(dir);
        assertEquals(BuiltinSpaces.listed().size() + 1, again.entries.size());
    }

    @Test
    void saveRefusesToOverwriteAnotherSpace(@TempDir Path dir) {
        SpacesViewModel vm = panel(dir);
        select(vm, "ResNet");
        vm.duplicate();
        vm.save();
        vm.newStageSpace();
        vm.editor.name.set("ResNet copy");
        NdswException e = assertThrows(NdswException.class, vm::save);
        assertTrue(e.getMessage().endsWith("ResNet_copy.json already exists: choose another name or use Save As"),
                e.getMessage());
    }

    @Test
    void invalidSpaceCannotBeSavedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        SpacesViewModel vm = panel(dir);
        vm.newStageSpace();
        vm.editor.stages.get(1).widths.clear();
        NdswException e = assertThrows(NdswException.class, vm::save);
        assertTrue(e.getMessage().startsWith("cannot save: Stage 2, Width: must be a non-empty list"), e.getMessage());
        try (var files = Files.list(dir)) {
            assertTrue(files.findAny().isEmpty(), "nothing written");
        }
    }

    @Test
    void builtinNamesCannotBeSavedOver(@TempDir Path dir) {
        SpacesViewModel vm = select(panel(dir), "ResNet");
        vm.editor.stages.get(0).depths.setAll(1, 2);
        NdswException e = assertThrows(NdswException.class, vm::save);
        assertEquals("\"ResNet\" is the name of a built-in space, which is read-only: give your space another name",
                e.getMessage());
    }

    @Test
    void builtinsCannotBeDeletedButUserSpacesCan(@TempDir Path dir) {
        SpacesViewModel vm = panel(dir);
        select(vm, "DARTS");
        assertThrows(NdswException.class, vm::deleteSelected);
        vm.duplicate();
        Path f = vm.save();
        vm.deleteSelected();
        assertTrue(!Files.exists(f));
        assertEquals(BuiltinSpaces.listed().size(), vm.entries.size());
    }

    @Test
    void unreadableUserFilesAreSkippedAndNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{\"format\": \"ndsw-space/1\"");
        SpacesViewModel vm = panel(dir);
        assertEquals(BuiltinSpaces.listed().size(), vm.entries.size());
        assertTrue(vm.statusProperty().get().contains("broken.json: not valid JSON"), vm.statusProperty().get());
    }

    @Test
    void fieldPathsAreReadFromMessages() {
        assertEquals("stages[0].groups", SpaceEditorViewModel.fieldOf("stages[0].groups 4 does not divide"));
        assertEquals("width[1]", SpaceEditorViewModel.fieldOf("width[1] must be even"));
        assertEquals("ops", SpaceEditorViewModel.fieldOf("ops must be a non-empty list"));
        assertEquals("", SpaceEditorViewModel.fieldOf("cannot read"));
    }

    @Test
    void editsAreMarkedUndoableAndNeverLostWithoutAsking(@TempDir Path dir) {
        SpacesViewModel vm = select(panel(dir), "ResNet");
        SpaceEditorViewModel ed = vm.editor;
        assertTrue(!ed.canUndoProperty().get());
        ed.name.set("Mine");
        ed.stages.get(0).widths.add(512);
        assertTrue(ed.dirtyProperty().get());
        assertEquals("Mine *", SpacesViewModel.title(ed.name.get(), ed.dirtyProperty().get()));
        ed.undo();
        assertTrue(!ed.stages.get(0).widths.contains(512), "undo takes the width back");
        assertTrue(ed.canRedoProperty().get());
        ed.undo();
        assertEquals("ResNet", ed.name.get());
        assertTrue(!ed.dirtyProperty().get(), "undone back to the loaded space: not dirty");
        ed.redo();
        ed.redo();
        assertEquals("Mine", ed.name.get());
        assertTrue(ed.stages.get(0).widths.contains(512), "redo makes it again");
        assertTrue(ed.dirtyProperty().get());

        // Switching away asks; cancel keeps the edits, discard drops them, save writes them first.
        assertTrue(!vm.leave(() -> SpacesViewModel.Leave.CANCEL));
        assertEquals("Mine", ed.name.get());
        assertTrue(vm.leave(() -> SpacesViewModel.Leave.SAVE));
        assertTrue(Files.exists(dir.resolve("Mine.json")), "saved before leaving");
        assertTrue(!ed.dirtyProperty().get());
        assertTrue(vm.leave(() -> {
            throw new AssertionError("nothing unsaved: no question");
        }));
        ed.description.set("changed");
        assertTrue(vm.leave(() -> SpacesViewModel.Leave.DISCARD));
    }

    @Test
    void errorsUseTheEditorsWordsAndTheHistogramsSayWhenTheyAreStale(@TempDir Path dir) {
        assertEquals("Stage 3, Depth: must be ...", SpaceMessages.forUi("stages[2].depth must be ...", "stages[2].depth"));
        assertEquals("Stem width: must be from 1 to 16384, got 0",
                SpaceMessages.forUi("stem.width must be from 1 to 16384, got 0", "stem.width"));
        assertEquals("Width: must be even", SpaceMessages.forUi("width[1] must be even", "width[1]"));
        assertEquals("Stage 3 widths shrink", SpaceMessages.forUi("stages[2] widths shrink", ""));
        SpaceEditorViewModel ed = select(panel(dir), "ResNet").editor;
        assertEquals("Params and flops of 1000 samples", ed.previewCaptionProperty().get());
        ed.stemWidth.set(0);
        assertEquals(0, ed.stemWidth.get(), "a typed 0 is never changed to 1");
        assertNull(ed.spaceProperty().get(), "stem width 0 is refused");
        assertEquals("stem.width", ed.errorFieldProperty().get());
        assertTrue(ed.errorProperty().get().startsWith("Stem width: must be"), ed.errorProperty().get());
        assertTrue(ed.previewCaptionProperty().get().contains("last valid space"), ed.previewCaptionProperty().get());
        ed.stemWidth.set(16);
        assertEquals("Params and flops of 1000 samples", ed.previewCaptionProperty().get());
    }

    /**
     * Issue 21: Save wrote only to the user folder. A space opened from anywhere is listed and selected, Save writes
     * back to its own file, Save as moves the editor to the new file, and the line under the title names the file.
     */
    @Test
    void aSpaceOpenedFromAnywhereIsSavedBackThereAndItsFileIsShown(@TempDir Path dir) throws Exception {
        Path user = dir.resolve("spaces");
        Path elsewhere = Files.createDirectories(dir.resolve("projects/a"));
        SpacesViewModel vm = panel(user);
        vm.newStageSpace();
        vm.editor.name.set("Mine");
        assertEquals("Not saved yet: Save writes " + user.resolve("Mine.json") + "; Save as… writes anywhere",
                vm.location());
        Path mine = vm.saveAs(elsewhere.resolve("mine.json"));
        assertEquals("File: " + mine, vm.location());
        assertEquals(mine, vm.currentFileProperty().get());
        assertTrue(vm.entries.stream().anyMatch(e -> mine.equals(e.file())), "listed although outside the folder");

        SpacesViewModel fresh = panel(user);
        fresh.open(mine);
        assertEquals(mine, fresh.selected.get().file(), "opened and selected in the list");
        assertEquals("Mine", fresh.editor.name.get());
        fresh.editor.stages.get(0).widths.add(512);
        assertTrue(fresh.editor.dirtyProperty().get());
        assertEquals("Mine *", SpacesViewModel.title(fresh.editor.name.get(), fresh.editor.dirtyProperty().get()));
        assertEquals(mine, fresh.save(), "Save writes where the space came from");
        assertTrue(!fresh.editor.dirtyProperty().get());
        assertTrue(java.util.Arrays.stream(((org.ndsw.space.StageSpace) SpaceFiles.read(mine)).stages().get(0)
                .widths()).anyMatch(w -> w == 512));
        assertTrue(!Files.exists(user.resolve("Mine.json")), "nothing written to the user folder");

        select(fresh, "ResNet");
        assertNull(fresh.currentFile());
        assertEquals("Built-in space, read-only: Duplicate it to save your own copy", fresh.location());
        assertTrue(fresh.editor.exampleTextProperty().get().contains(", \"ds\": [") || fresh.editor
                .exampleTextProperty().get().contains(", \"ds\":["),
                "the example wraps between values: " + fresh.editor.exampleTextProperty().get());
        fresh.selected.set(fresh.entries.stream().filter(e -> mine.equals(e.file())).findFirst().orElseThrow());
        assertEquals(mine, fresh.currentFile(), "still listed after selecting another space");
    }
}
