package org.ndsw.app.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.app.space.SamplingService;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.Window;
import org.ndsw.figure.Axis;
import org.ndsw.figure.Figure;
import org.ndsw.figure.FigureKind;
import org.ndsw.figure.FigureSize;
import org.ndsw.figure.FigureWriter;
import org.ndsw.figure.GraphSeries;
import org.ndsw.figure.LineSeries;
import org.ndsw.space.BlockType;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.CellOp;
import org.ndsw.space.CellSpec;
import org.ndsw.space.Genotype;
import org.ndsw.space.StageSpec;

/** Drawings of models: widths against depth of stage-wise nets, labelled graphs of NAS cells. */
class ModelDrawingsTest {
    @TempDir Path dir;

    @Test
    void aStageWiseNetIsAStepOfWidthAgainstCumulativeDepth() {
        StageSpec net = new StageSpec(BlockType.values()[0], List.of(new StageSpec.Stage(1, 16, 1, 1, 1),
                new StageSpec.Stage(3, 32, 2, 1, 1), new StageSpec.Stage(2, 64, 2, 1, 1)));
        List<Figure> f = ModelDrawings.of("R", net);
        assertEquals(1, f.size());
        assertEquals(FigureKind.MODEL, f.get(0).kind());
        assertEquals(Axis.Scale.LOG2, f.get(0).y().scale());
        LineSeries s = (LineSeries) f.get(0).series().get(0);
        assertArrayEquals(new double[] {0, 1, 1, 4, 4, 6}, s.x());
        assertArrayEquals(new double[] {16, 16, 32, 32, 64, 64}, s.y());
        assertTrue(f.get(0).subtitle().endsWith(": 1x16 3x32 2x64"), f.get(0).subtitle());
    }

    @Test
    void aCellIsAGraphWithItsOpsOnItsEdges() {
        List<Genotype.Edge> normal = List.of(new Genotype.Edge(CellOp.values()[1], 0),
                new Genotype.Edge(CellOp.values()[2], 1), new Genotype.Edge(CellOp.values()[3], 2),
                new Genotype.Edge(CellOp.values()[4], 2));
        Figure f = ModelDrawings.cell("N", normal, List.of(3));
        GraphSeries g = (GraphSeries) f.series().get(0);
        assertEquals(List.of("c_{k-2}", "c_{k-1}", "0", "1", "c_{k}"),
                g.nodes().stream().map(GraphSeries.Node::name).toList());
        assertEquals(List.of(new GraphSeries.Edge(0, 2, CellOp.values()[1].recordName()),
                new GraphSeries.Edge(1, 2, CellOp.values()[2].recordName()),
                new GraphSeries.Edge(2, 3, CellOp.values()[3].recordName() + " + " + CellOp.values()[4].recordName()),
                new GraphSeries.Edge(3, 4, "")), g.edges(), "two edges from one state share a line");
        assertTrue(f.subtitle().contains("output concatenates [1]"), f.subtitle());
    }

    @Test
    void aSampledDartsNetDrawsBothCellsToPngAndSvg() throws Exception {
        CellSpec net = (CellSpec) SamplingService.sample(new SamplingService.Request(BuiltinSpaces.resolve("DARTS"), 1,
                3, Window.NONE, Convention.NDS, true, SamplingService.DEFAULT_MAX_DRAWS)).samples().get(0).spec();
        List<Figure> f = ModelDrawings.of("D", net);
        assertEquals(List.of("D: normal cell", "D: reduction cell"), f.stream().map(Figure::title).toList());
        GraphSeries reduce = (GraphSeries) f.get(1).series().get(0);
        String firstOp = net.genotype().reduce().get(0).op().recordName();
        assertTrue(reduce.edges().stream().anyMatch(e -> e.label().contains(firstOp)));
        Path svg = dir.resolve("r.svg");
        Path png = dir.resolve("r.png");
        FigureWriter.write(f.get(1), svg, FigureSize.LARGE);
        FigureWriter.write(f.get(1), png, FigureSize.LARGE);
        String text = Files.readString(svg);
        assertTrue(text.contains(firstOp) && text.contains("c_{k-1}"), "ops and node names are drawn as text");
        assertTrue(Files.size(png) > 1000);
    }
}
