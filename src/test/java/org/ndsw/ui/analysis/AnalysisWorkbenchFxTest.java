package org.ndsw.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ndsw.ui.Dialogs;
import org.ndsw.ui.Workbench;
import org.ndsw.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Analysis tab in the whole workbench: it analyses Compare's sets, and a refined child opens in Design spaces. */
@ExtendWith(ApplicationExtension.class)
class AnalysisWorkbenchFxTest {
    private Path dir;
    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("ndsw-analysis-wb");
        workbench = new Workbench(stage, new FxTaskRunner(2, t -> { }), new Dialogs(stage), dir.resolve("spaces"),
                dir.resolve("catalog.db"), AnalysisViewModelTest.STUDY);
        stage.setScene(workbench.scene());
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.hideStage();
        workbench.close();
    }

    @Test
    void theTabAnalysesCompareSetsAndAChildOpensInDesignSpaces(FxRobot robot) throws Exception {
        AnalysisViewModel vm = workbench.analysis().viewModel();
        robot.interact(() -> workbench.select("Analysis"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.rows().isEmpty());
        assertEquals(2, vm.sources().size(), "Compare's two sample sets");
        Path child = dir.resolve("spaces/ResNet-refined.json");
        robot.interact(() -> {
            vm.parameterProperty().set("net.ds[1]");
            AnalysisViewModel.Refine d = vm.draft("ResNet");
            assertTrue(vm.refine("ResNet", d.parent(), d.childName(), List.of(d.rule()), List.of(), child));
        });
        assertEquals(child, workbench.spaces().viewModel().currentFile());
        assertTrue(workbench.spaces().viewModel().entries().stream().anyMatch(e -> child.equals(e.file())),
                "the child is listed among the user spaces");
        MenuBar menus = robot.lookup("#menus").queryAs(MenuBar.class);
        List<String> file = menus.getMenus().get(0).getItems().stream().map(MenuItem::getText).toList();
        assertTrue(file.contains("Export report…"), file.toString());
    }
}
