package org.ndsw.ui;

import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.ndsw.ui.compare.ComparePanel;
import org.ndsw.ui.spaces.SpacesPanel;
import org.ndsw.ui.task.FxTaskRunner;

/** The workbench window: a menu bar, one tab per panel, and a status bar showing background work. */
public final class WorkbenchApp extends Application {
    private FxTaskRunner tasks;

    @Override
    public void start(Stage stage) {
        Dialogs dialogs = new Dialogs(stage);
        tasks = new FxTaskRunner(2, dialogs::showError);
        SpacesPanel spaces = SpacesPanel.create(tasks, stage, dialogs);
        ComparePanel compare = ComparePanel.create(tasks, stage, dialogs);
        compare.addSamples(java.nio.file.Path.of(System.getProperty("ndsw.samples", "sample-data/nds-mini")));
        TabPane tabs = new TabPane(tab("Design spaces", spaces.view()), tab("Compare", compare.view()));
        tabs.setId("panels");
        String first = System.getProperty("ndsw.tab", "");
        tabs.getTabs().stream().filter(t -> t.getText().equalsIgnoreCase(first)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
        BorderPane root = new BorderPane(tabs);
        root.setTop(menus(stage, spaces));
        root.setBottom(statusBar());
        Scene scene = new Scene(root, 1400, 900);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setTitle("NDS Workbench");
        stage.setScene(scene);
        stage.show();
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.shutdown();
        }
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }

    private MenuBar menus(Stage stage, SpacesPanel spaces) {
        MenuItem open = item("Open design space…", "Shortcut+O", spaces.actions()::open);
        MenuItem save = item("Save design space", "Shortcut+S", spaces.actions()::save);
        MenuItem quit = item("Quit", "Shortcut+Q", stage::close);
        return new MenuBar(new Menu("File", null, open, save, quit));
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
