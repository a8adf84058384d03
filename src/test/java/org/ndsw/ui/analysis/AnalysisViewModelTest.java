package org.ndsw.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.app.space.Refinement;
import org.ndsw.app.sweep.SweepService;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.Constraints;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.SpaceFiles;
import org.ndsw.space.StageSpace;
import org.ndsw.train.TinyCifar;
import org.ndsw.ui.catalog.CatalogSession;
import org.ndsw.ui.catalog.SweepInput;
import org.ndsw.ui.compare.CompareInput;
import org.ndsw.ui.task.DirectTaskRunner;

/** The analysis panel's steps on the bundled sample study: analyse, refine, sample the child's sweep, compare. */
class AnalysisViewModelTest {
    static final Path STUDY = Path.of("sample-data", "study");
    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private final SimpleObjectProperty<CatalogSession> session = new SimpleObjectProperty<>();
    final List<Path> opened = new ArrayList<>();
    final List<String> trained = new ArrayList<>();
    final List<List<CompareInput>> compared = new ArrayList<>();
    @TempDir
    Path dir;

    @AfterEach
    void close() {
        tasks.assertFailuresHandled();
        if (session.get() != null) {
            session.get().close();
        }
    }

    AnalysisViewModel vm() {
        return new AnalysisViewModel(tasks, session, new AnalysisViewModel.Hooks() {
            @Override
            public void openSpace(Path file) {
                opened.add(file);
            }

            @Override
            public void train(String sweep) {
                trained.add(sweep);
            }

            @Override
            public void compare(List<CompareInput> sets) {
                compared.add(sets);
            }
        });
    }

    /** The sample study's two sets, analysed: the good range of every varying parameter per set, and the views. */
    static AnalysisViewModel analysed(AnalysisViewModel vm) {
        vm.useCompareSets(List.of(CompareInput.file(org.ndsw.app.source.SourceSpec.parse(
                STUDY.resolve("ResNet.json").toString())), CompareInput.file(org.ndsw.app.source.SourceSpec.parse(
                STUDY.resolve("Vanilla.json").toString()))));
        return vm;
    }

    @Test
    void analysingTheSampleStudyGivesGoodRangesAndEveryView() {
        AnalysisViewModel vm = analysed(vm());
        assertEquals(List.of("ResNet=" + STUDY.resolve("ResNet.json"), "Vanilla=" + STUDY.resolve("Vanilla.json")),
                vm.sources());
        assertTrue(vm.messageProperty().get().startsWith("Analysed ResNet, Vanilla"), vm.messageProperty().get());
        AnalysisViewModel.Row ds1 = vm.rows().stream().filter(r -> r.name().equals("net.ds[1]")).findFirst()
                .orElseThrow();
        assertEquals(2, ds1.good().size());
        assertTrue(ds1.good().get(0).matches("\\[\\d+, \\d+, \\d+]"), ds1.good().get(0));
        assertEquals("net.ds[0]".equals(vm.rows().get(0).name()), false, "the stem's constant depth is left out");
        assertEquals(3, vm.parameterFigures.size(), "error vs parameter per set, side by side, then the trend");
        assertTrue(vm.parameterFigures.get(2).stem().startsWith("trends-"), vm.parameterFigures.get(2).stem());
        assertEquals(6, vm.modelFigures.size(), "the 3 best models of each set drawn");
        assertTrue(vm.modelFigures.get(0).stem().startsWith("model-resnet-1"), vm.modelFigures.get(0).stem());
        assertEquals(List.of("d", "w"), List.of(vm.mapX.get(), vm.mapY.get()));
        assertEquals(2, vm.mapFigures.size());
        assertEquals(4, vm.curveFigures.size(), "best and worst runs of each set");
        vm.parameterProperty().set("params");
        assertEquals("params", vm.parameterFigures.get(0).figure().x().label());
        assertEquals("ResNet", vm.resultProperty().get().parents().get("ResNet").space().name());
    }

    @Test
    void everyViewExportsToSvgAndPng() throws Exception {
        AnalysisViewModel vm = analysed(vm());
        List<Path> svg = vm.exportAll(List.copyOf(vm.mapFigures), dir.resolve("map.svg"));
        assertEquals(2, svg.size());
        assertTrue(Files.readString(svg.get(0)).contains("<svg"));
        List<Path> png = vm.exportAll(List.of(vm.curveFigures.get(0)), dir.resolve("curves.png"));
        assertEquals(List.of(dir.resolve("curves.png")), png);
        byte[] head = Arrays.copyOf(Files.readAllBytes(png.get(0)), 4);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
    }

    @Test
    void theReportOfTheCurrentSetsIsOneHtmlFile() throws Exception {
        AnalysisViewModel vm = analysed(vm());
        Path out = dir.resolve("report.html");
        vm.exportReport(out);
        assertEquals("Wrote report " + out, vm.messageProperty().get());
        String html = Files.readString(out);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("Design-space report: ResNet, Vanilla"));
        assertTrue(html.contains("<svg"));
    }

    @Test
    void refiningByAGoodRangeWritesAChildWithItsParentConstraintsAndExactSize() {
        AnalysisViewModel vm = analysed(vm());
        vm.parameterProperty().set("net.ds[1]");
        AnalysisViewModel.Refine draft = vm.draft("ResNet");
        assertEquals("ResNet", draft.parent().name());
        assertEquals("ResNet-refined", draft.childName());
        Constraints.ValueRule rule = draft.rule();
        assertEquals(Constraints.Param.DEPTH, rule.param());
        assertTrue(Arrays.equals(new int[] {1}, rule.stages()));
        Path file = dir.resolve("spaces/ResNet-refined.json");
        assertTrue(vm.refine("ResNet", draft.parent(), draft.childName(), List.of(rule), List.of(), file),
                vm.messageProperty().get());
        DesignSpace read = SpaceFiles.read(file);
        StageSpace child = assertInstanceOf(StageSpace.class, read);
        assertEquals("ResNet", child.parent());
        assertEquals(1, child.constraints().values().size());
        assertEquals(rule.min(), child.constraints().values().get(0).min());
        assertEquals(rule.max(), child.constraints().values().get(0).max());
        // Independently: stage 1 keeps the ResNet depths in [min, max]; the rest is the parent's 9 x 12 per stage.
        StageSpace parent = (StageSpace) BuiltinSpaces.resolve("ResNet");
        long kept = Arrays.stream(parent.stages().get(0).depths()).filter(d -> d >= rule.min() && d <= rule.max())
                .count();
        assertEquals(BigInteger.valueOf(kept * 12 * 108 * 108), child.size());
        assertEquals(child.size(), vm.childProperty().get().size());
        assertEquals(List.of(file), opened, "the child opens in Design spaces");
        assertTrue(vm.messageProperty().get().contains("parent ResNet: 1,259,712"), vm.messageProperty().get());
    }

    @Test
    void aPickedRelationCountsExactlyAndDerivedParametersAreRefusedWithAMessage() {
        AnalysisViewModel vm = analysed(vm());
        DesignSpace parent = BuiltinSpaces.resolve("ResNet");
        Path file = dir.resolve("wide.json");
        assertTrue(vm.refine("ResNet", parent, "ResNet-widening", List.of(),
                List.of(Refinement.Relation.WIDTHS.relation()), file));
        // Non-decreasing widths: multisets of 3 of the 12 widths, C(14, 3) = 364; depths free: 9^3.
        assertEquals(BigInteger.valueOf(364L * 729), SpaceFiles.read(file).size());
        assertFalse(vm.refine("ResNet", parent, "ResNet-other", List.of(), List.of(), file), "not over a file");
        assertTrue(vm.messageProperty().get().contains("exists"), vm.messageProperty().get());
        assertEquals("ResNet-widening", SpaceFiles.read(file).name());
        assertTrue(vm.refine("ResNet", parent, "ResNet-other", List.of(), List.of(), file, true), "asked: replaced");
        assertEquals("ResNet-other", SpaceFiles.read(file).name());
        vm.parameterProperty().set("d");
        assertEquals(null, vm.draft("ResNet").rule(), "d is derived: nothing pre-filled");
        assertFalse(vm.refine("ResNet", BuiltinSpaces.resolve("DARTS"), "x", List.of(), List.of(),
                dir.resolve("x.json")));
        assertTrue(vm.messageProperty().get().contains("is a cell space"), vm.messageProperty().get());
    }

    @Test
    void theChildSweepCarriesTheChildAndCompareGetsParentAndChild() throws Exception {
        session.set(CatalogSession.open(dir.resolve("c.db"), true));
        AnalysisViewModel vm = analysed(vm());
        vm.parameterProperty().set("net.ds[1]");
        AnalysisViewModel.Refine draft = vm.draft("ResNet");
        Path file = dir.resolve("child.json");
        vm.refine("ResNet", draft.parent(), "ResNet-child", List.of(draft.rule()), List.of(), file);
        Path data = TinyCifar.pngFolders(dir.resolve("cifar"), 20, 10);
        vm.sampleAndTrain(new ChildSweep("ResNet-child-sweep", 3, 1, 10, data.toString()));
        assertEquals(List.of("ResNet-child-sweep"), trained, vm.messageProperty().get());
        var def = new SweepService(dir.resolve("c.db")).definition("ResNet-child-sweep");
        assertEquals(file.toString(), def.space());
        assertEquals(3, def.n());
        assertEquals(1, def.recipe().epochs());
        assertEquals(10, def.recipe().batchSize(), "the 20 images of the tiny data need a small batch");
        vm.compareParentAndChild();
        assertEquals(1, compared.size());
        assertEquals("ResNet", compared.get(0).get(0).label());
        SweepInput child = assertInstanceOf(SweepInput.class, compared.get(0).get(1));
        assertEquals("ResNet-child-sweep", child.sweep());
        assertNotNull(vm.childSweepProperty().get());
    }
}
