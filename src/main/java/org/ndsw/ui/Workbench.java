package org.ndsw.ui;

import java.nio.file.Path;
import java.util.List;
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
import org.ndsw.ui.analysis.AnalysisPanel;
import org.ndsw.ui.analysis.AnalysisViewModel;
import org.ndsw.ui.catalog.CatalogPanel;
import org.ndsw.ui.compare.ComparePanel;
import org.ndsw.ui.spaces.SpacesPanel;
import org.ndsw.ui.task.FxTaskRunner;
import org.ndsw.ui.training.TrainingPanel;

/**
 * The workbench's content: a menu bar with the main actions and their shortcuts, one tab per panel, a status bar
 * showing background work, and a drop target for NDS data over the whole window.
 */
public final class Workbench {
    /** The panels in tab order; Ctrl+1.. selects them. */
    public static final List<String> PANELS = List.of("Design spaces", "Catalogue", "Compare", "Training",
            "Analysis");
    private static final List<String> LAYOUT_KEYS = List.of("spaces", "catalogue", "compare", "training");

    private final Stage stage;
    private final FxTaskRunner tasks;
    private final SpacesPanel spaces;
    private final CatalogPanel catalog;
    private final ComparePanel compare;
    private final TrainingPanel training;
    private final AnalysisPanel analysis;
    private final TabPane tabs = new TabPane();
    private final Scene scene;

    /**
     * Builds the window content in `stage`: spaces from `spaceDir`, the catalogue at `catalogFile` (opened if it
     * exists, else created by the first import), and the NDS files of `samples` in the compare panel.
     */
    public Workbench(Stage stage, FxTaskRunner tasks, Dialogs dialogs, Path spaceDir, Path catalogFile, Path samples) {
        this.stage = stage;
        this.tasks = tasks;
        spaces = SpacesPanel.create(tasks, stage, dialogs, spaceDir);
        ComparePanel[] compareRef = new ComparePanel[1];
        catalog = CatalogPanel.create(tasks, stage, dialogs, catalogFile, names -> {
            select("Compare");
            compareRef[0].actions().receive(names.stream().map(catalog().sweepSource()::input).toList());
        });
        compare = ComparePanel.create(tasks, stage, dialogs, catalog.sweepSource());
        compareRef[0] = compare;
        compare.addSamples(samples);
        training = TrainingPanel.create(tasks, stage, dialogs, catalog.viewModel().sessionProperty(),
                spaces.viewModel().entries(), catalog.viewModel()::refresh);
        analysis = AnalysisPanel.create(tasks, stage, dialogs, catalog.viewModel().sessionProperty(),
                spaces.viewModel().entries(), () -> List.copyOf(compare.viewModel().inputs()), spaceDir,
                analysisHooks());
        tabs.setId("panels");
        tabs.getTabs().addAll(tab(PANELS.get(0), spaces.view()), tab(PANELS.get(1), catalog.view()),
                tab(PANELS.get(2), compare.view()), tab(PANELS.get(3), training.view()),
                tab(PANELS.get(4), analysis.view()));
        // The Analysis panel analyses Compare's sets the first time it is shown.
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && PANELS.get(4).equals(b.getText()) && analysis.viewModel().sources().isEmpty()) {
                analysis.actions().analyseCompareSets();
            }
        });
        BorderPane main = new BorderPane(tabs);
        main.setTop(menus());
        main.setBottom(statusBar());
        Label hint = new Label("Drop NDS JSON files, folders, data.zip or a link to it to import them into the catalogue");
        hint.setId("drop-hint");
        StackPane root = new StackPane(main, hint);
        StackPane.setAlignment(hint, Pos.CENTER);
        scene = new Scene(root, 1400, 900);
        scene.getStylesheets().add(Workbench.class.getResource("workbench.css").toExternalForm());
        catalog.drop().install(scene, hint);
        // Closing while a sweep trains here asks whether to stop it or leave it running.
        stage.setOnCloseRequest(e -> {
            if (!spaces.actions().leaveEdits() || !training.actions().confirmClose()) {
                e.consume();
            }
        });
    }

    /** The scene holding the workbench. */
    public Scene scene() {
        return scene;
    }

    /** The catalogue panel. */
    public CatalogPanel catalog() {
        return catalog;
    }

    /** The compare panel. */
    public ComparePanel compare() {
        return compare;
    }

    /** The design spaces panel. */
    public SpacesPanel spaces() {
        return spaces;
    }

    /** The analysis panel. */
    public AnalysisPanel analysis() {
        return analysis;
    }

    /** The analysis panel's ways into the others: open a space, train a sweep, set Compare's sets. */
    private AnalysisViewModel.Hooks analysisHooks() {
        return new AnalysisViewModel.Hooks() {
            @Override
            public void openSpace(Path file) {
                spaces.viewModel().reload();
                if (spaces.actions().leaveEdits()) {
                    spaces.viewModel().open(file);
                }
            }

            @Override
            public void train(String sweep) {
                catalog.viewModel().refresh();
                training.viewModel().refresh();
                training.viewModel().startWhenListed(sweep);
                select(PANELS.get(3));
            }

            @Override
            public void compare(List<org.ndsw.ui.compare.CompareInput> sets) {
                compare.viewModel().replaceInputs(sets);
                select(PANELS.get(2));
            }
        };
    }

    /** The training panel. */
    public TrainingPanel training() {
        return training;
    }

    /** The panel tabs. */
    public TabPane tabs() {
        return tabs;
    }

    /** Selects the panel titled `title` (any case); unknown titles change nothing. */
    public void select(String title) {
        tabs.getTabs().stream().filter(t -> t.getText().equalsIgnoreCase(title)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /** Restores dividers and the selected panel; `tab` overrides the remembered panel when not blank. */
    public void restoreLayout(WorkbenchPrefs prefs, String tab) {
        List<SplitPane> splits = splits();
        for (int i = 0; i < splits.size(); i++) {
            prefs.restoreDividers(LAYOUT_KEYS.get(i), splits.get(i));
        }
        select(tab == null || tab.isBlank() ? prefs.tab() : tab);
    }

    /** Saves the window, dividers and selected panel. */
    public void saveLayout(WorkbenchPrefs prefs) {
        prefs.saveWindow(stage);
        List<SplitPane> splits = splits();
        for (int i = 0; i < splits.size(); i++) {
            prefs.saveDividers(LAYOUT_KEYS.get(i), splits.get(i));
        }
        prefs.saveTab(tabs.getSelectionModel().getSelectedItem().getText());
        prefs.flush();
    }

    private List<SplitPane> splits() {
        return List.of(spaces.view(), catalog.view().split(), compare.view(), training.view());
    }

    /** Closes the open catalogue. */
    public void close() {
        catalog.viewModel().close();
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }

    private MenuBar menus() {
        var c = catalog.actions();
        Menu file = new Menu("File", null,
                item("Open catalogue…", "Shortcut+O", c::openCatalog),
                item("New catalogue…", "Shortcut+N", c::newCatalog),
                item("Import NDS files…", "Shortcut+I", c::importFiles),
                item("Import from URL…", "Shortcut+U", c::importUrl),
                item("Import NDS folder…", "Shortcut+Shift+I", c::importFolder),
                new SeparatorMenuItem(),
                item("Open design space…", "Shortcut+Shift+O", spaces.actions()::open),
                item("Save design space", "Shortcut+S", spaces.actions()::save),
                new SeparatorMenuItem(),
                item("Export report…", "Shortcut+Shift+H", analysis.actions()::exportReport),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", () -> {
                    if (spaces.actions().leaveEdits() && training.actions().confirmClose()) {
                        stage.close();
                    }
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
        var t = training.actions();
        Menu train = new Menu("Training", null,
                item("Create sweep", "Shortcut+Shift+N", t::create),
                item("Start / resume sweep", "Shortcut+R", t::start),
                item("Stop sweep", "Shortcut+Period", t::stop),
                item("Retry failed runs", "Shortcut+Shift+R", t::retryFailed));
        Menu view = new Menu("View");
        for (int i = 0; i < PANELS.size(); i++) {
            String title = PANELS.get(i);
            view.getItems().add(item(title, "Shortcut+" + (i + 1), () -> select(title)));
        }
        MenuItem undo = item("Undo space edit", "Shortcut+Z", spaces.viewModel().editor()::undo);
        MenuItem redo = item("Redo space edit", "Shortcut+Shift+Z", spaces.viewModel().editor()::redo);
        var onSpaces = tabs.getSelectionModel().selectedIndexProperty().isNotEqualTo(0);
        undo.disableProperty().bind(spaces.viewModel().editor().canUndoProperty().not().or(onSpaces));
        redo.disableProperty().bind(spaces.viewModel().editor().canRedoProperty().not().or(onSpaces));
        Menu edit = new Menu("Edit", null, undo, redo);
        MenuBar bar = new MenuBar(file, edit, sweeps, figures, train, view);
        bar.setId("menus");
        return bar;
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
