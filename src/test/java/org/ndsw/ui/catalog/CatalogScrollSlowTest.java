package org.ndsw.ui.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ndsw.app.ProgressSink;
import org.ndsw.catalog.Column;
import org.ndsw.catalog.RunRow;
import org.ndsw.catalog.SortKey;
import org.ndsw.ui.Dialogs;
import org.ndsw.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The models table at 100,000 runs: jumps to 20 places in the table, sorted by error, and measures how long each page
 * takes to appear and the longest gap between two FX pulses meanwhile (how long the FX thread was ever busy). Prints
 * the numbers quoted in docs/gui.md: `mvn -o -Pslow surefire:test -Dtest=CatalogScrollSlowTest`.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class CatalogScrollSlowTest {
    private static final int RUNS = 100_000;
    private CatalogPanel panel;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("ndsw-scroll");
        panel = CatalogPanel.create(new FxTaskRunner(2, t -> { }), stage, new Dialogs(stage), dir.resolve("c.db"),
                names -> { });
        stage.setScene(new Scene(panel.view(), 1400, 900));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.hideStage();
        panel.viewModel().close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void jumpingThrough100kRunsKeepsTheFxThreadFree(FxRobot robot) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            files.add(CatalogFixtures.nds(dir, "ResNet_" + i + ".json", i % 2 == 0 ? "ResNet" : "Vanilla", RUNS / 10, i));
        }
        try (CatalogSession s = CatalogSession.open(dir.resolve("c.db"), true)) {
            s.importPaths(files, ProgressSink.NONE);
        }
        CatalogViewModel vm = panel.viewModel();
        robot.interact(() -> vm.open(dir.resolve("c.db"), false));
        TableView<RunRow> table = robot.lookup("#catalog-models").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == RUNS);
        robot.interact(() -> vm.sort.set(List.of(new SortKey(Column.ERROR, false))));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.rows().query().sort().isEmpty()
                && vm.rows().peek(0) != null);

        // Wall time between pulses moves with the machine's load; the FX thread's CPU time between pulses does not.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] last = {0, 0};
        long[] maxGap = {0, 0};
        AnimationTimer pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long cpu = threads.getCurrentThreadCpuTime();
                if (last[0] != 0) {
                    maxGap[0] = Math.max(maxGap[0], now - last[0]);
                    maxGap[1] = Math.max(maxGap[1], cpu - last[1]);
                }
                last[0] = now;
                last[1] = cpu;
            }
        };
        robot.interact(pulses::start);
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
        long idleGap = maxGap[0];
        long idleCpu = maxGap[1];
        maxGap[0] = 0;
        maxGap[1] = 0;
        // Both times are taken on the FX thread: when scrollTo runs, and when the list announces the page's rows.
        long[] arrived = {0};
        int[] watched = {-1};
        vm.rows().addListener((javafx.collections.ListChangeListener<RunRow>) c -> {
            while (c.next()) {
                if (c.wasUpdated() && c.getFrom() <= watched[0] && watched[0] < c.getTo()) {
                    arrived[0] = System.nanoTime();
                }
            }
        });
        List<Double> times = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            int index = (int) (((k + 1) * 4_999L + 1) % RUNS); // never page 0, which the query already read
            long[] t0 = {0};
            boolean[] cached = {false};
            robot.interact(() -> {
                cached[0] = vm.rows().peek(index) != null;
                watched[0] = index;
                arrived[0] = 0;
                t0[0] = System.nanoTime();
                table.scrollTo(index);
            });
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.rows().peek(index) != null);
            if (!cached[0]) {
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> arrived[0] != 0);
                times.add((arrived[0] - t0[0]) / 1e6);
            }
        }
        robot.interact(pulses::stop);
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        System.out.printf(Locale.ROOT, "catalogue table, %,d runs sorted by error: page shown after a jump median %.1f ms,"
                + " max %.1f ms (%d jumps); longest gap between FX pulses %.1f ms wall / %.1f ms FX-thread CPU while"
                + " jumping, %.1f ms / %.1f ms in 3 s idle before; pages in memory %d; load average %.2f%n", RUNS,
                (sorted[(n - 1) / 2] + sorted[n / 2]) / 2, sorted[n - 1], n, maxGap[0] / 1e6, maxGap[1] / 1e6,
                idleGap / 1e6, idleCpu / 1e6, vm.rows().pagesInMemory(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        pageReadsByIdAndByOffset(vm);
        assertEquals(RUNS, table.getItems().size());
        assertTrue(vm.rows().pagesInMemory() <= PagedRows.MAX_PAGES);
    }

    /**
     * The same 20 pages read two ways, alternating, on the panel's reading connection: by id from the query's id list
     * (what the table does) and as a sorted query with LIMIT/OFFSET (the catalogue's paged query, `ndsw models`).
     */
    private static void pageReadsByIdAndByOffset(CatalogViewModel vm) {
        CatalogSession s = vm.sessionProperty().get();
        org.ndsw.catalog.ModelQuery q = vm.rows().query();
        long t0 = System.nanoTime();
        long[] ids = s.read(c -> c.modelIds(q));
        double idsMs = (System.nanoTime() - t0) / 1e6;
        double[] byId = new double[20];
        double[] byOffset = new double[20];
        for (int k = 0; k < 20; k++) {
            int page = (int) ((k * 4_999L + 1) % RUNS) / PagedRows.PAGE;
            long a = System.nanoTime();
            List<RunRow> one = s.read(c -> c.rows(PagedRows.page(ids, page)));
            long b = System.nanoTime();
            List<RunRow> two = s.read(c -> c.models(new org.ndsw.catalog.ModelQuery(q.sweeps(), q.where(), q.sort(),
                    PagedRows.PAGE, page * PagedRows.PAGE)).rows());
            long e = System.nanoTime();
            assertEquals(two, one);
            byId[k] = (b - a) / 1e6;
            byOffset[k] = (e - b) / 1e6;
        }
        Arrays.sort(byId);
        Arrays.sort(byOffset);
        double idMedian = (byId[9] + byId[10]) / 2;
        double offsetMedian = (byOffset[9] + byOffset[10]) / 2;
        System.out.printf(Locale.ROOT, "page of %d rows, same 20 pages: by id median %.1f ms (max %.1f), by LIMIT/OFFSET"
                + " query median %.1f ms (max %.1f), ratio %.1fx; the id list of %,d runs read once in %.1f ms%n",
                PagedRows.PAGE, idMedian, byId[19], offsetMedian, byOffset[19], offsetMedian / idMedian, ids.length, idsMs);
    }
}
