package org.ndsw.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ndsw.space.BuiltinSpaces;
import org.ndsw.train.TinyCifar;
import org.ndsw.ui.spaces.SpaceEntry;
import org.ndsw.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 21 item 7 as a class: with the bundled sample data (the study in Compare, nds-mini in the catalogue, a sweep
 * created in Training), no label, button, check box, column header, table cell or status line of any of the four
 * panels shows its text cut off at 1100x700 or at 1600x1000, unless its tooltip gives the whole text.
 */
@ExtendWith(ApplicationExtension.class)
class ClippedTextFxTest {
    private Path dir;
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        dir = Files.createTempDirectory("ndsw-clipped");
        workbench = new Workbench(stage, new FxTaskRunner(2, t -> { }), new Dialogs(stage), dir.resolve("spaces"),
                dir.resolve("catalog.db"), Path.of("sample-data/study"));
        stage.setScene(workbench.scene());
        stage.setWidth(1600);
        stage.setHeight(1000);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        robot.interact(() -> Stage.getWindows().stream().filter(w -> w != stage).toList()
                .forEach(javafx.stage.Window::hide));
        FxToolkit.hideStage();
        workbench.close();
    }

    @Test
    void noTextIsCutOffInAnyPanelAtEitherSize(FxRobot robot) throws Exception {
        List<String> cut = new ArrayList<>();
        // First as a new user sees it: an empty catalogue and no sweeps; then with the sample data everywhere.
        check(robot, cut, List.of("Catalogue", "Training"), "empty ");
        fill(robot);
        check(robot, cut, Workbench.PANELS, "");
        assertEquals(List.of(), cut, "texts cut off:\n" + String.join("\n", cut));
    }

    private void check(FxRobot robot, List<String> cut, List<String> panels, String state) {
        for (double[] size : new double[][] {{1100, 700}, {1600, 1000}}) {
            for (String panel : panels) {
                robot.interact(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    workbench.select(panel);
                });
                WaitForAsyncUtils.waitForFxEvents();
                robot.sleep(300);
                WaitForAsyncUtils.waitForFxEvents();
                String where = state + panel + " at " + (int) size[0] + "x" + (int) size[1];
                robot.interact(() -> clipped(stage.getScene().getRoot(), cut, where));
                if (size[0] >= 1600) {
                    robot.interact(() -> overflowing(stage.getScene().getRoot(), cut, where));
                }
            }
        }
    }

    /** The sample data in every panel, as a new user has it after importing nds-mini and creating a sweep. */
    @SuppressWarnings("unchecked")
    private void fill(FxRobot robot) throws Exception {
        var catalog = workbench.catalog().viewModel();
        java.util.concurrent.atomic.AtomicBoolean imported = new java.util.concurrent.atomic.AtomicBoolean();
        robot.interact(() -> catalog.importPaths(List.of(Path.of("sample-data/nds-mini")), dir.resolve("catalog.db"))
                .andFinally(() -> imported.set(true)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, imported::get);
        robot.interact(() -> Stage.getWindows().stream().filter(w -> w != stage).toList()
                .forEach(javafx.stage.Window::hide));
        robot.interact(() -> workbench.select("Catalogue"));
        TableView<?> models = robot.lookup("#catalog-models").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !models.getItems().isEmpty()
                && models.getItems().get(0) != null);
        robot.interact(() -> models.getSelectionModel().select(0));
        TableView<?> ks = robot.lookup("#compare-ks").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ks.getItems().size() == 1);

        Path data = TinyCifar.pngFolders(dir.resolve("cifar"), 20, 10);
        var training = workbench.training().viewModel();
        robot.interact(() -> {
            workbench.select("Training");
            training.form().spaceProperty().set(new SpaceEntry(BuiltinSpaces.find("ResNet").orElseThrow(), null));
            training.form().text("count").set("8");
            training.form().text("seed").set("1");
            training.form().text("name").set("ResNet-s1");
            training.form().text("dataset").set(data.toString());
        });
        robot.clickOn("#training-create");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#training-runs")
                .queryAs(TableView.class).getItems().size() == 8);
    }

    /** Adds to `cut` every shown Labeled under `node` whose drawn text is not its whole text and has no tooltip. */
    static void clipped(Node node, List<String> cut, String where) {
        if (!node.isVisible() || node.getScene() == null) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            String shown = drawn(l);
            boolean tip = l.getTooltip() != null && l.getTooltip().getText() != null
                    && l.getTooltip().getText().contains(l.getText().strip());
            if (shown != null && !same(shown, l.getText()) && !tip) {
                cut.add(where + ": " + describe(l) + " \"" + l.getText() + "\" drawn as \"" + shown + "\"");
            }
        }
        if (node instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                clipped(c, cut, where);
            }
        }
    }

    /** Tables whose columns must all fit their width at 1600x1000 (the models table scrolls sideways by design). */
    private static final List<String> FITTING = List.of("catalog-sweeps", "catalog-runs", "compare-ks", "training-runs");

    /** Adds to `cut` every shown table of {@link #FITTING} whose visible columns run past its right edge. */
    private static void overflowing(Node root, List<String> cut, String where) {
        for (String id : FITTING) {
            Node n = root.lookup("#" + id);
            if (n instanceof TableView<?> t && shown(t)) {
                double sum = t.getVisibleLeafColumns().stream().mapToDouble(c -> c.getWidth()).sum();
                if (sum > t.getWidth() + 1) {
                    cut.add(where + ": #" + id + " columns are " + Math.round(sum) + " px wide in a table of "
                            + Math.round(t.getWidth()) + " px");
                }
            }
        }
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null && n.getLayoutBounds().getWidth() > 0;
    }

    /** The text a Labeled's skin draws (its LabeledText child), or null before it is drawn. */
    private static String drawn(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && c.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    private static boolean same(String shown, String text) {
        return shown.replaceAll("\\s+", " ").strip().equals(text.replaceAll("\\s+", " ").strip());
    }

    private static String describe(Labeled l) {
        String id = l.getId() != null ? "#" + l.getId() : l.getClass().getSimpleName();
        Node p = l.getParent();
        while (l.getId() == null && p != null && p.getId() == null) {
            p = p.getParent();
        }
        return id + (l.getId() == null && p != null ? " in #" + p.getId() : "");
    }
}
