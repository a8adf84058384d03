package org.ndsw.app.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;
import org.ndsw.analysis.AnalysisOptions;
import org.ndsw.analysis.Analyzer;
import org.ndsw.analysis.ParameterTable;
import org.ndsw.analysis.SetAnalysis;
import org.ndsw.figure.Figure;
import org.ndsw.figure.FigureKind;
import org.ndsw.figure.Marker;
import org.ndsw.figure.PointSeries;
import org.ndsw.figure.Series;

class AnalysisFiguresTest {
    private static ParameterTable table(double[] a, double[] b) {
        LinkedHashMap<String, double[]> named = new LinkedHashMap<>();
        named.put("a", a);
        named.put("b", b);
        return ParameterTable.ofColumns(named);
    }

    @Test
    void errorVsParameterShadesTheGoodRangeAndMarksTheBest() {
        double[] errors = {5, 1, 2, 9, 7, 3};
        double[] a = {4, 1, 2, 8, 8, 2};
        ParameterTable t = table(a, new double[6]);
        SetAnalysis s = Analyzer.analyze("S", errors, t, AnalysisOptions.DEFAULTS);
        Figure f = AnalysisFigures.errorVsParameter(s, errors, t, "a");
        assertEquals(FigureKind.SCATTER, f.kind());
        PointSeries p = (PointSeries) f.series().get(0);
        assertArrayEquals(a, p.x());
        assertArrayEquals(errors, p.y());
        double[] good = s.parameters().get(0).good();
        Marker band = f.markers().get(0);
        assertTrue(band.band());
        assertEquals(good[0] - 0.5, band.value(), 1e-12, "widened by half the smallest gap (1)");
        assertEquals(good[2] + 0.5, band.to(), 1e-12);
        assertEquals(good[1], f.markers().get(1).value());
        assertTrue(!f.markers().get(1).band());
    }

    @Test
    void rankMapSplitsTheModelsByRankWithTheBestOnTop() {
        int n = 20;
        double[] errors = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            errors[i] = n - i;
            a[i] = i;
            b[i] = 2 * i;
        }
        Figure f = AnalysisFigures.rankMap("S", errors, table(a, b), "a", "b");
        List<Series> s = f.series();
        assertEquals(List.of("rank 50-100%", "rank 25-50%", "rank 10-25%", "rank 0-10%"),
                s.stream().map(Series::label).toList());
        assertArrayEquals(new double[] {19, 18}, ((PointSeries) s.get(3)).x(), "the best 10% drawn last");
        assertArrayEquals(new double[] {38, 36}, ((PointSeries) s.get(3)).y());
        assertEquals(n, f.pointCount());
    }

    @Test
    void trendsPutEachSetsGoodRangeAndBestSideBySide() {
        double[] errors = {5, 1, 2, 9, 7, 3};
        ParameterTable t1 = table(new double[] {4, 1, 2, 8, 8, 2}, new double[6]);
        ParameterTable t2 = table(new double[] {14, 11, 12, 18, 18, 12}, new double[6]);
        LinkedHashMap<String, double[]> onlyB = new LinkedHashMap<>();
        onlyB.put("b", new double[6]);
        SetAnalysis s1 = Analyzer.analyze("S1", errors, t1, AnalysisOptions.DEFAULTS);
        SetAnalysis s2 = Analyzer.analyze("S2", errors, ParameterTable.ofColumns(onlyB), AnalysisOptions.DEFAULTS);
        SetAnalysis s3 = Analyzer.analyze("S3", errors, t2, AnalysisOptions.DEFAULTS);
        Figure f = AnalysisFigures.trends(List.of(s1, s2, s3), "a");
        assertEquals(FigureKind.TRENDS, f.kind());
        assertEquals(List.of("good lo", "best", "good hi"), f.series().stream().map(Series::label).toList());
        double[] g1 = s1.parameters().get(0).good();
        double[] g3 = s3.parameters().get(0).good();
        for (int k = 0; k < 3; k++) {
            org.ndsw.figure.LineSeries line = (org.ndsw.figure.LineSeries) f.series().get(k);
            assertArrayEquals(new double[] {1, 3}, line.x(), "S2 has no a: left out, the others keep their place");
            assertArrayEquals(new double[] {g1[k], g3[k]}, line.y());
        }
        assertEquals(List.of("S1", "S2", "S3"), f.markers().stream().map(Marker::label).toList());
        assertEquals(g1[1] + 10, g3[1], 1e-12, "the same errors give the same ranges, shifted");
        assertTrue(f.subtitle().contains("2 of 3 sets"), f.subtitle());
        NdswException e = assertThrows(NdswException.class, () -> AnalysisFigures.trends(List.of(s2), "a"));
        assertTrue(e.getMessage().contains("no set has the parameter \"a\""), e.getMessage());
    }

    @Test
    void anUnknownParameterIsNamedWithTheKnownOnes() {
        NdswException e = assertThrows(NdswException.class,
                () -> AnalysisFigures.column(table(new double[1], new double[1]), "S", "net.ws[9]"));
        assertTrue(e.getMessage().contains("net.ws[9]") && e.getMessage().contains("a, b"), e.getMessage());
    }

    @Test
    void curvesListTestThenTrainAndNullWithoutAny() {
        List<RunCurves.Run> runs = List.of(new RunCurves.Run(1, 5.5, new double[] {9, 7, 5.5}, new double[] {8, 6, 4}),
                new RunCurves.Run(2, 6, new double[] {9, 6}, null));
        Figure f = AnalysisFigures.curves("best", runs);
        assertEquals(List.of("#1 test (5.50%)", "#2 test (6.00%)", "#1 train"),
                f.series().stream().map(Series::label).toList());
        assertNull(AnalysisFigures.curves("none", List.of(new RunCurves.Run(1, 1, null, null))));
    }

    @Test
    void extremesKeepTheBestAndWorstWithoutOverlap() {
        List<RunCurves.Run> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            runs.add(new RunCurves.Run(0, 10 - i, new double[] {10 - i}, null));
        }
        RunCurves.Extremes e = RunCurves.extremes(runs, 3);
        assertEquals(List.of(6.0, 7.0, 8.0), e.best().stream().map(RunCurves.Run::error).toList());
        assertEquals(List.of(9.0, 10.0), e.worst().stream().map(RunCurves.Run::error).toList());
        assertEquals(List.of(4, 5), e.worst().stream().map(RunCurves.Run::rank).toList());
        assertTrue(RunCurves.extremes(List.of(), 2).empty());
    }

    @Test
    void numbersAreShortAndHalfGapsPositive() {
        assertEquals("16", AnalysisFigures.number(16));
        assertEquals("0.025", AnalysisFigures.number(0.025));
        assertEquals("0.0005", AnalysisFigures.number(5e-4));
        assertEquals("1.5e-07", AnalysisFigures.number(1.5e-7));
        assertEquals(0.5, AnalysisFigures.halfGap(new double[] {1, 2, 4}));
        assertTrue(AnalysisFigures.halfGap(new double[] {3}) > 0);
    }
}
