package org.ndsw.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndsw.NdswException;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.space.CellSpec;
import org.ndsw.space.Genotype;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.StageSpec;

/** Queries by sweep, space, status, complexity, error and structure of net, sorted and paged, on a real file. */
class QueryTest {
    @TempDir static Path dir;
    static Catalog catalog;
    /** Every run written, as the test knows it. */
    static final List<Known> KNOWN = new ArrayList<>();

    record Known(String sweep, String space, int seq, ModelSpec spec, ModelEntry model, RunStatus status, Double error) {}

    @BeforeAll
    static void build() {
        catalog = Catalog.openOrCreate(dir.resolve("q.db"));
        SplittableRandom rng = new SplittableRandom(5);
        catalog.write(w -> {
            add(w, "ResNet", "ResNet", 300, rng);
            add(w, "ResNeXt-A", "ResNeXt-A", 200, rng);
            add(w, "DARTS", "DARTS", 200, rng);
            return null;
        });
    }

    private static void add(CatalogWriter w, String sweep, String space, int n, SplittableRandom rng) {
        long id = w.createSweep(new NewSweep(sweep, space, "cifar10", "sampled", "{}", null, null, null, null, null, null));
        for (int i = 0; i < n; i++) {
            ModelSpec spec = BuiltinSpaces.resolve(space).sample(rng);
            ModelEntry m = ModelEntry.of(spec);
            RunStatus status = i % 50 == 7 ? RunStatus.FAILED : RunStatus.DONE;
            Double error = status == RunStatus.FAILED ? null : Math.round(rng.nextDouble() * 2000) / 100.0;
            w.addRun(id, w.model(m), new RunEntry(i, 1L, status, error, error, 100, m.complexity().flops(),
                    m.complexity().params(), 0.1, 5e-4, 100, null, null, null, null, null, null, RunData.EMPTY));
            KNOWN.add(new Known(sweep, space, i, spec, m, status, error));
        }
    }

    @AfterAll
    static void close() {
        catalog.close();
    }

    private static QueryResult q(String sweep, String where, String sort, int limit, int offset) {
        return catalog.query(new ModelQuery(sweep == null ? List.of() : List.of(sweep),
                where == null ? List.of() : QueryText.where(where), sort == null ? List.of() : QueryText.sort(sort),
                limit, offset));
    }

    private static long expected(Predicate<Known> p) {
        return KNOWN.stream().filter(p).count();
    }

    @Test
    void sweepAndComplexityWindowMatchAFilterInJava() {
        QueryResult r = q("ResNet", "params<=0.856M and flops<=0.129B", "error", 0, 0);
        assertEquals(expected(k -> k.sweep().equals("ResNet") && k.model().complexity().params() <= 856_000
                && k.model().complexity().flops() <= 129_000_000L), r.total());
        assertTrue(r.rows().stream().allMatch(x -> x.params() <= 856_000 && x.sweep().equals("ResNet")));
    }

    @Test
    void sortIsAscendingWithMissingErrorsLast() {
        List<RunRow> rows = q("ResNet", null, "error", 0, 0).rows();
        assertEquals(300, rows.size());
        List<RunRow> withError = rows.stream().filter(r -> r.error() != null).toList();
        assertEquals(withError, withError.stream().sorted(Comparator.comparing(RunRow::error)).toList());
        assertNull(rows.get(rows.size() - 1).error());
        List<RunRow> desc = q("ResNet", null, "-error", 0, 0).rows();
        assertEquals(withError.get(withError.size() - 1).error(), desc.get(0).error());
        assertNull(desc.get(desc.size() - 1).error());
    }

    @Test
    void pagesCoverTheResultExactlyOnceAndReportTheTotal() {
        List<RunRow> all = q(null, "error<10", "error,-params", 0, 0).rows();
        List<RunRow> paged = new ArrayList<>();
        for (int off = 0; off < all.size(); off += 37) {
            QueryResult page = q(null, "error<10", "error,-params", 37, off);
            assertEquals(all.size(), page.total());
            paged.addAll(page.rows());
        }
        assertEquals(all, paged);
        assertEquals(expected(k -> k.error() != null && k.error() < 10), all.size());
    }

    @Test
    void depthOfStageTwoIsAStructuralFilter() {
        QueryResult r = q(null, "net.ds[2]=4", null, 0, 0);
        assertEquals(expected(k -> k.spec() instanceof StageSpec s && s.stages().get(2).depth() == 4), r.total());
        assertTrue(r.total() > 0);
        QueryResult g = q("ResNeXt-A", "net.num_gs[3]>=2 and net.bot_muls[1]=0.5", null, 0, 0);
        assertEquals(expected(k -> k.sweep().equals("ResNeXt-A") && ((StageSpec) k.spec()).stages().get(3).groups() >= 2
                && ((StageSpec) k.spec()).stages().get(1).botMul() == 0.5), g.total());
    }

    @Test
    void anOpInTheNormalCellMatchesBothWaysOfAsking() {
        Predicate<Known> has = k -> k.spec() instanceof CellSpec c
                && c.genotype().normal().stream().anyMatch(e -> e.op().recordName().equals("sep_conv_5x5"));
        QueryResult a = q(null, "normal_ops has sep_conv_5x5", null, 0, 0);
        QueryResult b = q(null, "net.genotype.normal has sep_conv_5x5", null, 0, 0);
        assertEquals(expected(has), a.total());
        assertEquals(a.rows(), b.rows());
        assertTrue(a.total() > 0 && a.total() < 200);
    }

    @Test
    void statusSpaceAndModelPrefix() {
        assertEquals(expected(k -> k.status() == RunStatus.FAILED), q(null, "status=failed", null, 0, 0).total());
        assertEquals(200, q(null, "space='ResNeXt-A'", null, 0, 0).total());
        Known k = KNOWN.get(17);
        QueryResult r = q(null, "model=" + k.model().hash().substring(0, 10), null, 0, 0);
        assertTrue(r.rows().stream().allMatch(x -> x.model().equals(k.model().hash())));
        assertEquals(k.model().net(), r.rows().get(0).net());
    }

    @Test
    void errorsAreOnePerModelAveragedOverItsFinishedRuns() {
        long id = catalog.sweep("ResNet").orElseThrow().id();
        Known first = KNOWN.get(0);
        catalog.write(w -> {
            long sweep = w.createSweep(new NewSweep("seeds", "ResNet", "cifar10", "sampled", "{}", null, null, null,
                    null, null, null));
            long model = w.model(first.model());
            w.addRun(sweep, model, run(0, 6.0, 7.0));
            w.addRun(sweep, model, run(1, 8.0, 9.0));
            w.addRun(sweep, model, new RunEntry(2, 3L, RunStatus.RUNNING, null, null, null, 1L, 1L, null, null, null,
                    null, null, null, null, null, null, RunData.EMPTY));
            return null;
        });
        List<ModelError> best = catalog.errors("seeds", ErrorKind.BEST);
        assertEquals(1, best.size());
        assertEquals(7.0, best.get(0).error(), 1e-12);
        assertEquals(2, best.get(0).runs());
        assertEquals(200L, best.get(0).params(), "params as the sweep recorded them for the model's first run");
        assertEquals(100L, best.get(0).flops());
        assertEquals(8.0, catalog.errors("seeds", ErrorKind.FINAL).get(0).error(), 1e-12);
        assertTrue(id > 0);
    }

    private static RunEntry run(int seq, double best, double last) {
        return new RunEntry(seq, (long) seq, RunStatus.DONE, best, last, 100, 100L + seq, 200L + seq, null, null, null,
                null, null, null, null, null, null, RunData.EMPTY);
    }

    @Test
    void unknownSweepIsAUserError() {
        NdswException e = assertThrows(NdswException.class, () -> q("Nope", null, null, 0, 0));
        assertTrue(e.getMessage().contains("has no sweep named \"Nope\""), e.getMessage());
    }
}
