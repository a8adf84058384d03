package org.ndsw.ui.training;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ndsw.ui.chart.FigureView;

/**
 * The training panel: the new-sweep form and the sweeps on the left; the selected sweep's progress, runs table, and
 * the selected run's curves and failure on the right. Only binds to {@link TrainingViewModel}.
 */
public final class TrainingView extends SplitPane {
    private final FigureView curves = new FigureView("training-curves");

    /** Binds a view to `vm`; buttons call `actions`. */
    public TrainingView(TrainingViewModel vm, TrainingActions actions) {
        setId("training");
        VBox left = new VBox(8, formPane(vm, actions), sweepsPane(vm, actions));
        left.setPadding(new Insets(8));
        left.setMinWidth(380);
        VBox.setVgrow(left.getChildren().get(1), Priority.ALWAYS);
        getItems().addAll(left, runsPane(vm));
        setDividerPositions(0.32);
    }

    private static TitledPane formPane(TrainingViewModel vm, TrainingActions actions) {
        SweepForm f = vm.form;
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints wide = new ColumnConstraints();
        wide.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(labels, wide, new ColumnConstraints(), new ColumnConstraints());
        ComboBox<org.ndsw.ui.spaces.SpaceEntry> space = new ComboBox<>(vm.spaces);
        space.setId("training-space");
        space.valueProperty().bindBidirectional(f.space);
        space.setMaxWidth(Double.MAX_VALUE);
        ComboBox<String> engine = new ComboBox<>(vm.engines);
        engine.setId("training-engine");
        engine.valueProperty().bindBidirectional(f.engine);
        ComboBox<String> device = new ComboBox<>(vm.devices);
        device.setId("training-device");
        device.valueProperty().bindBidirectional(f.device);
        device.setTooltip(new Tooltip("gpu: workers train on a GPU of this machine (a build with CUDA natives); list"
                + " the GPUs below to give each worker its own, else all share CUDA device 0"));
        ComboBox<String> recipe = new ComboBox<>(vm.recipes);
        recipe.setId("training-recipe");
        recipe.valueProperty().bindBidirectional(f.recipe);
        recipe.setTooltip(new Tooltip("plain: the paper's recipe. enhanced: the paper's enhanced DARTS setup (§5.4):"
                + " 600 epochs, cutout 16, auxiliary head 0.4, drop-path 0.2 (head and drop-path: cell spaces only)"));
        int row = 0;
        g.addRow(row++, new Label("Space"), span(space));
        g.addRow(row++, new Label("Name"), span(field(vm, "name", "sweep name: letters, digits, . _ -")));
        g.addRow(row++, new Label("Models"), field(vm, "count", "models to sample"), new Label("Seed"),
                field(vm, "seed", "sampling seed"));
        g.addRow(row++, new Label("Params"), field(vm, "minParams", "e.g. 100k"), new Label("to"),
                field(vm, "maxParams", "e.g. 1.5M"));
        g.addRow(row++, new Label("Flops"), field(vm, "minFlops", "e.g. 50M"), new Label("to"),
                field(vm, "maxFlops", "e.g. 1G"));
        g.addRow(row++, new Label("Recipe"), marked(vm, "recipe", recipe));
        g.addRow(row++, new Label("Epochs"), field(vm, "epochs", ""), new Label("Batch"), field(vm, "batch", ""));
        g.addRow(row++, new Label("LR"), field(vm, "lr", "base learning rate"), new Label("WD"),
                field(vm, "wd", "weight decay"));
        g.addRow(row++, new Label("Cutout"), field(vm, "cutout", "pixels, 0 = off"), new Label("Aux weight"),
                field(vm, "auxWeight", "0 = no aux head"));
        g.addRow(row++, new Label("Drop-path"), field(vm, "dropPath", "probability, 0 = off"));
        Button browse = new Button("…");
        browse.setId("training-browse");
        browse.setTooltip(new Tooltip("Choose the CIFAR-10 folder"));
        browse.setOnAction(e -> actions.chooseDataset());
        HBox data = new HBox(4, field(vm, "dataset", "CIFAR-10 folder"), browse);
        HBox.setHgrow(data.getChildren().get(0), Priority.ALWAYS);
        g.addRow(row++, new Label("Dataset"), span(data));
        g.addRow(row++, new Label("Train"), field(vm, "trainSubset", "images, 0 = all"), new Label("Test"),
                field(vm, "testSubset", "images, 0 = all"));
        g.addRow(row++, new Label("Engine"), marked(vm, "engine", engine), new Label("Device"),
                marked(vm, "device", device));
        TextField gpus = field(vm, "gpus", "e.g. 0,1,2,3");
        gpus.setTooltip(new Tooltip("CUDA devices, one per worker: worker k sees only GPU k mod N through"
                + " CUDA_VISIBLE_DEVICES. Blank: not pinned. With Workers blank, one worker per GPU."));
        g.addRow(row++, new Label("Workers"), field(vm, "workers", "processes"), new Label("GPUs"), gpus);
        Button create = new Button("Create sweep");
        create.setId("training-create");
        create.setDefaultButton(false);
        create.setOnAction(e -> actions.create());
        Label msg = new Label();
        msg.setId("training-form-message");
        msg.setWrapText(true);
        msg.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Tooltip msgTip = new Tooltip();
        msgTip.textProperty().bind(msg.textProperty());
        msg.setTooltip(msgTip);
        msg.textProperty().bind(vm.formMessageProperty());
        msg.styleProperty().bind(Bindings.when(vm.invalidFieldProperty().isEmpty()).then("")
                .otherwise("-fx-text-fill: #b03a2e;"));
        VBox box = new VBox(6, g, new HBox(8, create), msg);
        TitledPane t = new TitledPane("New sweep", box);
        t.setCollapsible(false);
        return t;
    }

    private static Node span(Node n) {
        GridPane.setColumnSpan(n, 3);
        return n;
    }

    private static TextField field(TrainingViewModel vm, String key, String prompt) {
        TextField t = new TextField();
        t.setId("training-" + key);
        t.setPromptText(prompt);
        t.setPrefColumnCount(7);
        t.textProperty().bindBidirectional(vm.form.text(key));
        return marked(vm, key, t);
    }

    /** Outlines the control in red and focuses it while the form's invalid field is `key`. */
    private static <C extends Control> C marked(TrainingViewModel vm, String key, C c) {
        vm.invalidFieldProperty().addListener((o, a, b) -> {
            if (key.equals(b)) {
                c.getStyleClass().add("field-error");
                c.requestFocus();
            } else {
                c.getStyleClass().remove("field-error");
            }
        });
        return c;
    }

    private static VBox sweepsPane(TrainingViewModel vm, TrainingActions actions) {
        ListView<SweepItem> list = new ListView<>(vm.sweeps);
        list.setId("training-sweeps");
        list.setPlaceholder(new Label("No trainable sweeps yet: create one above."));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedSweep.set(b);
            }
        });
        vm.selectedSweep.addListener((o, a, b) -> {
            if (b != null && list.getSelectionModel().getSelectedItem() != b) {
                list.getSelectionModel().select(b);
            }
        });
        Button start = button("training-start", "Start / Resume", actions::start);
        Button stop = button("training-stop", "Stop", actions::stop);
        Button retry = button("training-retry", "Retry failed", actions::retryFailed);
        start.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedSweep.get() == null
                || vm.selectedSweep.get().here() || vm.selectedSweep.get().queued() + vm.selectedSweep.get().running()
                == 0, vm.selectedSweep));
        stop.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedSweep.get() == null
                || !vm.selectedSweep.get().here() && vm.selectedSweep.get().elsewhere() == 0, vm.selectedSweep));
        retry.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedSweep.get() == null
                || vm.selectedSweep.get().failed() == 0, vm.selectedSweep));
        Label status = new Label();
        status.setId("training-message");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE); // wraps to as many lines as it needs instead of being cut
        status.setMaxWidth(Double.MAX_VALUE);
        status.textProperty().bind(vm.messageProperty());
        Tooltip full = new Tooltip();
        full.setWrapText(true);
        full.setMaxWidth(600);
        full.textProperty().bind(vm.messageProperty());
        status.tooltipProperty().bind(Bindings.when(vm.messageProperty().isEmpty()).then((Tooltip) null)
                .otherwise(full));
        Button plan = button("training-plan", "Plan for a cluster…", actions::planForCluster);
        plan.setTooltip(new Tooltip("Write job files and a SLURM job-array script for this sweep (ndsw sweep plan)"));
        Button collect = button("training-collect", "Collect results", actions::collectResults);
        collect.setTooltip(new Tooltip("Record the results of a plan folder in this sweep (ndsw sweep collect);"
                + " collecting twice records nothing twice"));
        plan.disableProperty().bind(vm.selectedSweep.isNull().or(vm.cluster.busyProperty()));
        collect.disableProperty().bind(vm.selectedSweep.isNull().or(vm.cluster.busyProperty()));
        ProgressBar collecting = new ProgressBar();
        collecting.setId("training-collect-progress");
        collecting.progressProperty().bind(vm.cluster.progress);
        collecting.visibleProperty().bind(vm.cluster.busyProperty());
        collecting.managedProperty().bind(vm.cluster.busyProperty());
        Label clusterResult = new Label();
        clusterResult.setId("training-cluster-result");
        clusterResult.setWrapText(true);
        clusterResult.setMinHeight(Region.USE_PREF_SIZE);
        clusterResult.textProperty().bind(vm.cluster.resultProperty());
        VBox box = new VBox(6, new Label("Sweeps"), list, new HBox(6, start, stop, retry), status,
                new HBox(6, plan, collect, collecting), clusterResult);
        VBox.setVgrow(list, Priority.ALWAYS);
        return box;
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private SplitPane runsPane(TrainingViewModel vm) {
        Label overall = new Label();
        overall.setId("training-overall");
        overall.textProperty().bind(vm.overallProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("training-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.fraction);
        bar.setMinHeight(Region.USE_PREF_SIZE);
        overall.setMinHeight(Region.USE_PREF_SIZE);
        TableView<RunItem> table = new TableView<>(vm.runs);
        table.setId("training-runs");
        table.setPlaceholder(new Label("Select a sweep to see its runs."));
        table.setPrefHeight(200);
        table.getColumns().addAll(List.of(
                column("#", 45, true, r -> Integer.toString(r.seq())),
                column("Model", 100, false, RunItem::model),
                column("Seed", 45, true, RunItem::seed),
                column("Status", 190, false, RunItem::status),
                column("Epoch", 70, true, RunItem::epoch),
                column("Best error %", 90, true, RunItem::bestError),
                column("img/s", 70, true, RunItem::imagesPerSecond)));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.selectedRun.get()) {
                vm.selectedRun.set(b);
            }
        });
        vm.selectedRun.addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        VBox top = new VBox(6, overall, bar, table);
        top.setPadding(new Insets(8));
        VBox.setVgrow(table, Priority.ALWAYS);
        vm.curves.addListener((o, a, b) -> curves.show(b));
        curves.setPrefHeight(260);
        TextArea failure = new TextArea();
        failure.setId("training-failure");
        failure.setEditable(false);
        failure.setWrapText(true);
        failure.setStyle("-fx-font-family: monospace;");
        failure.textProperty().bind(vm.failureProperty());
        failure.visibleProperty().bind(vm.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        failure.setPrefRowCount(6);
        ListView<String> log = new ListView<>(vm.log);
        log.setId("training-log");
        log.setPrefHeight(90);
        vm.log.addListener((javafx.collections.ListChangeListener<String>) c -> log.scrollTo(vm.log.size() - 1));
        Label runTitle = new Label("Selected run: train and test error per epoch");
        VBox bottom = new VBox(6, runTitle, curves, failure, log);
        bottom.setPadding(new Insets(8));
        VBox.setVgrow(curves, Priority.ALWAYS);
        SplitPane right = new SplitPane(top, bottom);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.5);
        return right;
    }

    /** The figure view of the selected run's curves. */
    public FigureView curves() {
        return curves;
    }

    private static TableColumn<RunItem, String> column(String title, double width, boolean number,
            Function<RunItem, String> text) {
        TableColumn<RunItem, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue() == null ? "" : text.apply(d.getValue())));
        c.setStyle(number ? "-fx-alignment: CENTER-RIGHT;" : "-fx-alignment: CENTER-LEFT;");
        // A cell too narrow for its text (the column was made narrow) keeps the whole text in its tooltip.
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        return c;
    }
}
