package org.ndsw.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ndsw.app.ingest.Download;
import org.ndsw.app.ingest.LocalHttp;
import org.ndsw.app.compare.PairResult;
import org.ndsw.catalog.RunRow;
import org.ndsw.catalog.SweepSummary;
import org.ndsw.ui.catalog.CatalogFixtures;
import org.ndsw.ui.catalog.PagedRows;
import org.ndsw.ui.catalog.SweepInput;
import org.ndsw.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole workbench under Monocle: drop two NDS files on the window, browse, filter and sort the catalogue, send
 * both sweeps to Compare, read the KS table and export an SVG; and the layout comes back from the preferences.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchFxTest {
    private Path dir;
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        dir = Files.createTempDirectory("ndsw-workbench");
        workbench = new Workbench(stage, new FxTaskRunner(2, t -> { }), new Dialogs(stage), dir.resolve("spaces"),
                dir.resolve("catalog.db"), dir.resolve("no-samples"));
        stage.setScene(workbench.scene());
        stage.setWidth(1400);
        stage.setHeight(900);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        closeDialogs(robot);
        FxToolkit.hideStage();
        workbench.close();
    }

    private void closeDialogs(FxRobot robot) {
        robot.interact(() -> Stage.getWindows().stream().filter(w -> w != stage).toList()
                .forEach(javafx.stage.Window::hide));
    }

    @Test
    @SuppressWarnings("unchecked")
    void dropBrowseFilterSortCompareAndExport(FxRobot robot) throws Exception {
        File a = CatalogFixtures.nds(dir, "ResNet.json", "ResNet", 700, 1).toFile();
        File b = CatalogFixtures.nds(dir, "Vanilla.json", "Vanilla", 300, 2).toFile();
        robot.interact(() -> workbench.select("Catalogue"));
        // What the window's DRAG_DROPPED handler does with the dragboard's files.
        robot.interact(() -> assertTrue(workbench.catalog().drop().drop(List.of(a, b))));
        TableView<SweepSummary> sweeps = robot.lookup("#catalog-sweeps").queryAs(TableView.class);
        TableView<RunRow> models = robot.lookup("#catalog-models").queryAs(TableView.class);
        Label count = robot.lookup("#catalog-count").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> sweeps.getItems().size() == 2
                && count.getText().equals("1,000 of 1,000 runs in 2 sweeps"));
        assertTrue(Files.exists(dir.resolve("catalog.db")), "the first drop creates the catalogue");
        assertEquals(1000, models.getItems().size());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Stage.getWindows().size() > 1);
        Label summary = robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class);
        assertEquals("Imported 1,000 runs in 2 sweeps", summary.getText());
        closeDialogs(robot);

        // The source column shows kind and file on one line, cut in the middle, with the whole text as its tooltip.
        javafx.scene.control.TableCell<?, ?> source = robot.lookup(".table-cell").queryAllAs(
                javafx.scene.control.TableCell.class).stream().filter(c -> c.getTableColumn() != null
                        && "catalog-sweeps-source".equals(c.getTableColumn().getId()) && c.getItem() != null)
                .findFirst().orElseThrow();
        assertEquals(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS, source.getTextOverrun());
        assertEquals(String.valueOf(source.getItem()), source.getTooltip().getText());
        assertTrue(source.getText().startsWith("nds-import: ") && !source.getText().contains("\n"), source.getText());
        assertTrue(source.getTableColumn().isResizable());

        // Scrolling far down reads that page in the background; the table never holds every row.
        robot.interact(() -> models.scrollTo(900));
        PagedRows rows = (PagedRows) models.getItems();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rows.peek(905) != null);
        // ... and the rows on screen redraw with it.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".table-row-cell").queryAllAs(
                javafx.scene.control.TableRow.class).stream().anyMatch(r -> r.getIndex() == 905 && r.getItem() != null));

        robot.clickOn("#catalog-error-max").write("7").type(KeyCode.ENTER);
        var vm = workbench.catalog().viewModel();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.rows().query().where().isEmpty());
        int filtered = models.getItems().size();
        assertTrue(filtered > 0 && filtered < 1000, filtered + " runs below 7 %");

        robot.clickOn("#catalog-col-error");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.rows().query().sort().isEmpty());
        robot.sleep(600); // a second click at once would be a double click
        robot.clickOn("#catalog-col-error");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.rows().query().sort().isEmpty()
                && vm.rows().query().sort().get(0).descending());
        WaitForAsyncUtils.waitForFxEvents();
        List<RunRow> top = List.of(models.getItems().get(0), models.getItems().get(1), models.getItems().get(2));
        assertTrue(top.get(0).error() >= top.get(1).error() && top.get(1).error() >= top.get(2).error());
        assertTrue(top.get(0).error() <= 7);
        assertEquals(filtered, models.getItems().size());

        robot.interact(() -> sweeps.getSelectionModel().selectAll());
        robot.clickOn("#catalog-compare");
        assertEquals("Compare", workbench.tabs().getSelectionModel().getSelectedItem().getText());
        assertTrue(workbench.compare().viewModel().inputs().stream().allMatch(i -> i instanceof SweepInput));
        TableView<PairResult> ks = robot.lookup("#compare-ks").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ks.getItems().size() == 1);
        PairResult pair = ks.getItems().get(0);
        assertEquals("ResNet", pair.a());
        assertEquals("Vanilla", pair.b());
        assertTrue(pair.ks().d() > 0 && pair.ks().d() <= 1);

        Path svg = dir.resolve("edf.svg");
        robot.interact(() -> assertTrue(workbench.compare().exportSelectedFigure(svg)));
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg") && text.contains("ResNet") && text.contains("Vanilla"));
        assertTrue(robot.lookup("#compare-notice").queryAs(Label.class).getText().endsWith("edf.svg"));

        robot.interact(() -> {
            workbench.select("Catalogue");
            sweeps.getSelectionModel().clearSelection();
            sweeps.getSelectionModel().select(0);
        });
        robot.clickOn("#catalog-compare");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Stage.getWindows().size() > 1);
        robot.clickOn("Replace the current sets");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, workbench.compare().viewModel().inputs().size(), "replaced after asking");
        robot.clickOn("#compare-undo-replace");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, workbench.compare().viewModel().inputs().size(), "the replace is undone");
    }

    @Test
    void aBadDroppedFileLeavesTheCatalogueAsItWas(FxRobot robot) throws Exception {
        File good = CatalogFixtures.nds(dir, "ResNet.json", "ResNet", 50, 1).toFile();
        File bad = Files.writeString(dir.resolve("Broken.json"), "[{\"net\": {}, \"params\": -1}]").toFile();
        robot.interact(() -> workbench.catalog().drop().drop(List.of(good, bad)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Stage.getWindows().size() > 1);
        WaitForAsyncUtils.waitForFxEvents();
        Label header = robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class);
        assertEquals("Imported 50 runs in 1 sweep; 1 input rejected", header.getText());
        Label content = robot.lookup(".dialog-pane .content").queryAs(Label.class);
        assertTrue(content.getText().startsWith(bad.toString()), content.getText());
        assertTrue(content.getText().endsWith("import it again."), content.getText());
        assertEquals(List.of("ResNet"), workbench.catalog().viewModel().sweepNames());
    }

    @Test
    void importFromUrlDownloadsAndImportsAndADroppedLinkToo(FxRobot robot) throws Exception {
        Path a = CatalogFixtures.nds(dir, "ResNet.json", "ResNet", 40, 1);
        Path b = CatalogFixtures.nds(dir, "Vanilla.json", "Vanilla", 30, 2);
        try (LocalHttp http = new LocalHttp().file("/nds/data.zip", LocalHttp.ndsZip(List.of(a, b)))) {
            String url = http.url("/nds/data.zip");
            robot.clickOn("File").clickOn("Import from URL…");
            TextField field = robot.lookup("#import-url").queryAs(TextField.class);
            assertEquals(Download.NDS_DATA_URL, field.getText());
            robot.interact(() -> field.setText(url));
            robot.clickOn("OK");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Stage.getWindows().size() > 1
                    && workbench.catalog().viewModel().sweepNames().size() == 2);
            WaitForAsyncUtils.waitForFxEvents();
            Label header = robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class);
            assertEquals("Imported 70 runs in 2 sweeps", header.getText());
            assertTrue(Files.isRegularFile(dir.resolve("downloads/data.zip")));
            closeDialogs(robot);

            // What the window's DRAG_DROPPED handler does with a dragboard holding a link and no files.
            robot.interact(() -> assertTrue(workbench.catalog().drop().dropUrl(url)));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Stage.getWindows().size() > 1);
            WaitForAsyncUtils.waitForFxEvents();
            header = robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class);
            assertEquals("Nothing new: 2 inputs were imported before", header.getText());
            assertEquals(1, http.hits("/nds/data.zip"));
        }
    }

    /** Temporary files the download streams into (hidden, beside data.zip). */
    private long partial() throws java.io.IOException {
        Path d = dir.resolve("downloads");
        if (!Files.isDirectory(d)) {
            return 0;
        }
        try (var files = Files.list(d)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    @Test
    void cancellingADownloadStopsItQuietlyAndKeepsNoPartialFile(FxRobot robot) throws Exception {
        try (LocalHttp http = new LocalHttp().stalling("/nds/data.zip", new byte[1_000_000], 50_000)) {
            robot.interact(() -> workbench.select("Catalogue"));
            robot.interact(() -> assertTrue(workbench.catalog().drop().dropUrl(http.url("/nds/data.zip"))));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> partial() > 0);
            robot.clickOn("#catalog-import-cancel");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> partial() == 0);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(!robot.lookup("#catalog-import-bar").query().isVisible());
            assertEquals(1, Stage.getWindows().size(), "no error dialog for a cancel the user asked for");
            assertTrue(!Files.exists(dir.resolve("downloads/data.zip")));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void compareAddsCatalogueSweepsPickedInADialog(FxRobot robot) throws Exception {
        File a = CatalogFixtures.nds(dir, "ResNet.json", "ResNet", 80, 1).toFile();
        File b = CatalogFixtures.nds(dir, "Vanilla.json", "Vanilla", 80, 2).toFile();
        robot.interact(() -> workbench.catalog().drop().drop(List.of(a, b)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.catalog().viewModel().sweepNames().size() == 2);
        closeDialogs(robot);
        robot.interact(() -> workbench.select("Compare"));
        robot.clickOn("#compare-add-sweeps");
        javafx.scene.control.ListView<String> choice = robot.lookup("#compare-sweep-choice").queryAs(
                javafx.scene.control.ListView.class);
        assertEquals(List.of("ResNet", "Vanilla"), choice.getItems());
        robot.interact(() -> choice.getSelectionModel().selectAll());
        robot.clickOn("OK");
        assertEquals(List.of("ResNet", "Vanilla"), workbench.compare().viewModel().inputs().stream()
                .map(i -> i.label()).toList());
        TableView<PairResult> ks = robot.lookup("#compare-ks").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ks.getItems().size() == 1);
    }

    @Test
    void theFirstStartOpensOnCompare(FxRobot robot) throws Exception {
        Preferences node = Preferences.userRoot().node(System.getProperty(WorkbenchPrefs.NODE_PROPERTY,
                "org/ndsw/test") + "/first-" + System.nanoTime());
        robot.interact(() -> {
            workbench.select("Design spaces");
            workbench.restoreLayout(new WorkbenchPrefs(node), "");
        });
        assertEquals("Compare", workbench.tabs().getSelectionModel().getSelectedItem().getText());
        node.removeNode();
    }

    @Test
    void layoutComesBackFromThePreferences(FxRobot robot) throws Exception {
        Preferences node = Preferences.userRoot().node(System.getProperty(WorkbenchPrefs.NODE_PROPERTY,
                "org/ndsw/test") + "/layout-" + System.nanoTime());
        WorkbenchPrefs prefs = new WorkbenchPrefs(node);
        robot.interact(() -> {
            workbench.select("Compare");
            workbench.catalog().view().split().setDividerPositions(0.2, 0.6);
            workbench.saveLayout(prefs);
            workbench.select("Design spaces");
            workbench.catalog().view().split().setDividerPositions(0.3, 0.7);
            workbench.restoreLayout(prefs, "");
        });
        assertEquals("Compare", workbench.tabs().getSelectionModel().getSelectedItem().getText());
        assertEquals(0.2, workbench.catalog().view().split().getDividerPositions()[0], 1e-3);
        assertEquals(1400, node.getDouble("window.width", 0), 1);
        LastFolder folder = new LastFolder(node);
        folder.remember(dir.resolve("x.json").toFile());
        assertEquals(dir.toFile().getAbsoluteFile(), new LastFolder(node).get());
        node.removeNode();
    }
}
