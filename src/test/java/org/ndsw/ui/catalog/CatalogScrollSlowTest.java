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

        long[] last = {0};
        long[] maxGap = {0};
        AnimationTimer pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last[0] != 0) {
                    maxGap[0] = Math.max(maxGap[0], now - last[0]);
                }
                last[0] = now;
            }
        };
        robot.interact(pulses::start);
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
        long idleGap = maxGap[0];
        maxGap[0] = 0;
        double[] ms = new double[20];
        for (int k = 0; k < ms.length; k++) {
            int index = (int) ((k * 4_999L + 1) % RUNS);
            long t0 = System.nanoTime();
            robot.interact(() -> table.scrollTo(index));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.rows().peek(index) != null);
            ms[k] = (System.nanoTime() - t0) / 1e6;
        }
        robot.interact(pulses::stop);
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "catalogue table, %,d runs sorted by error: page visible after a jump median %.1f ms,"
                + " max %.1f ms (20 jumps); longest gap between FX pulses %.1f ms while jumping, %.1f ms in 3 s idle before;"
                + " pages in memory %d; load average %.2f%n", RUNS, (sorted[9] + sorted[10]) / 2, sorted[19],
                maxGap[0] / 1e6, idleGap / 1e6, vm.rows().pagesInMemory(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertEquals(RUNS, table.getItems().size());
        assertTrue(vm.rows().pagesInMemory() <= PagedRows.MAX_PAGES);
    }
}
