package org.ndsw.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.ndsw.app.CatalogLocation;
import org.ndsw.ui.catalog.CatalogPanel;
import org.ndsw.ui.compare.ComparePanel;
import org.ndsw.ui.spaces.SpacesPanel;
import org.ndsw.ui.task.FxTaskRunner;

/**
 * The workbench window: a menu bar with the main actions and their shortcuts, one tab per panel, a status bar showing
 * background work, and a drop target for NDS data over the whole window. The layout is remembered between runs.
 */
public final class WorkbenchApp extends Application {
    private FxTaskRunner tasks;
    private CatalogPanel catalog;
    private WorkbenchPrefs prefs;
    private Stage stage;
    private TabPane tabs;
    private List<SplitPane> splits;

    @Override
    public void start(Stage primary) {
        stage = primary;
        prefs = WorkbenchPrefs.load();
        Dialogs dialogs = new Dialogs(stage, new LastFolder(prefs.node()));
        tasks = new FxTaskRunner(2, dialogs::showError);
        SpacesPanel spaces = SpacesPanel.create(tasks, stage, dialogs);
        ComparePanel[] compareRef = new ComparePanel[1];
        tabs = new TabPane();
        catalog = CatalogPanel.create(tasks, stage, dialogs, CatalogLocation.resolve(null), names -> {
            compareRef[0].viewModel().inputs().setAll(names.stream().map(catalog.sweepSource()::input).toList());
            select("Compare");
        });
        ComparePanel compare = ComparePanel.create(tasks, stage, dialogs, catalog.sweepSource());
        compareRef[0] = compare;
        compare.addSamples(Path.of(System.getProperty("ndsw.samples", "sample-data/nds-mini")));
        tabs.getTabs().addAll(tab("Design spaces", spaces.view()), tab("Catalogue", catalog.view()),
                tab("Compare", compare.view()));
        tabs.setId("panels");
        splits = List.of(spaces.view(), catalog.view().split(), compare.view());
        BorderPane main = new BorderPane(tabs);
        main.setTop(menus(spaces, compare));
        main.setBottom(statusBar());
        Label hint = new Label("Drop NDS JSON files, folders or data.zip to import them into the catalogue");
        hint.setId("drop-hint");
        StackPane root = new StackPane(main, hint);
        StackPane.setAlignment(hint, Pos.CENTER);
        Scene scene = new Scene(root, 1400, 900);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        catalog.drop().install(scene, hint);
        stage.setTitle("NDS Workbench");
        stage.setScene(scene);
        prefs.restoreWindow(stage);
        stage.show();
        restoreLayout();
        stage.setOnCloseRequest(e -> saveLayout());
    }

    private void restoreLayout() {
        String[] keys = {"spaces", "catalogue", "compare"};
        for (int i = 0; i < keys.length; i++) {
            prefs.restoreDividers(keys[i], splits.get(i));
        }
        String first = System.getProperty("ndsw.tab", prefs.tab());
        select(first);
    }

    private void saveLayout() {
        prefs.saveWindow(stage);
        String[] keys = {"spaces", "catalogue", "compare"};
        for (int i = 0; i < keys.length; i++) {
            prefs.saveDividers(keys[i], splits.get(i));
        }
        prefs.saveTab(tabs.getSelectionModel().getSelectedItem().getText());
        prefs.flush();
    }

    private void select(String title) {
        tabs.getTabs().stream().filter(t -> t.getText().equalsIgnoreCase(title)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.shutdown();
        }
        if (catalog != null) {
            catalog.viewModel().close();
        }
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }

    private MenuBar menus(SpacesPanel spaces, ComparePanel compare) {
        var c = catalog.actions();
        Menu file = new Menu("File", null,
                item("Open catalogue…", "Shortcut+O", c::openCatalog),
                item("New catalogue…", "Shortcut+N", c::newCatalog),
                item("Import NDS files…", "Shortcut+I", c::importFiles),
                item("Import NDS folder…", "Shortcut+Shift+I", c::importFolder),
                new SeparatorMenuItem(),
                item("Open design space…", "Shortcut+Shift+O", spaces.actions()::open),
                item("Save design space", "Shortcut+S", spaces.actions()::save),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", () -> {
                    saveLayout();
                    stage.close();
                }));
        Menu sweeps = new Menu("Catalogue", null,
                item("Compare selected sweeps", "Shortcut+K", c::compareSweeps),
                item("Export sweep as NDS JSON…", "Shortcut+Shift+E", c::exportSweep),
                item("Delete selected sweeps…", "Shortcut+D", c::deleteSweeps),
                item("Refresh", "F5", catalog.viewModel()::refresh));
        Menu figures = new Menu("Compare", null,
                item("Add files…", "Shortcut+Shift+A", compare.actions()::addFiles),
                item("Add catalogue sweeps…", "Shortcut+Shift+K", compare.actions()::addSweeps),
                item("Export figure (PNG, SVG)…", "Shortcut+E", compare.actions()::exportFigure),
                item("Export numbers (CSV)…", "Shortcut+Shift+C", compare.actions()::exportNumbers));
        Menu view = new Menu("View");
        for (int i = 0; i < 3; i++) {
            String title = List.of("Design spaces", "Catalogue", "Compare").get(i);
            view.getItems().add(item(title, "Shortcut+" + (i + 1), () -> select(title)));
        }
        return new MenuBar(file, sweeps, figures, view);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setAccelerator(KeyCombination.keyCombination(accelerator));
        m.setOnAction(e -> action.run());
        return m;
    }

    private HBox statusBar() {
        Label message = new Label();
        message.textProperty().bind(tasks.messageProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(tasks.runningProperty().greaterThan(0));
        HBox bar = new HBox(8, busy, message);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.setId("status-bar");
        return bar;
    }
}
