package org.ndsw.ui.spaces;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckListView;
import org.ndsw.space.BlockType;
import org.ndsw.space.CellOp;
import org.ndsw.space.OutputRule;
import org.ndsw.ui.controls.DisplayConverter;
import org.ndsw.ui.controls.ValueChips;

/** The design spaces panel: space list, point-and-click editor, and live preview. Binds only; no logic. */
public final class SpacesView extends SplitPane {
    private static final Map<String, List<Integer>> DEPTH_PRESETS = presets(
            "Powers of two", List.of(1, 2, 4, 8, 16), "Vanilla/ResNet", List.of(1, 2, 3, 4, 6, 8, 12, 16, 24));
    private static final Map<String, List<Integer>> WIDTH_PRESETS = presets(
            "ResNeXt-A", List.of(16, 32, 64, 128, 256), "ResNeXt-B", List.of(64, 128, 256, 512, 1024),
            "Vanilla/ResNet", List.of(16, 24, 32, 40, 48, 64, 80, 96, 128, 160, 192, 256));
    private static final Map<String, List<Integer>> RATIO_PRESETS = presets("Paper", List.of(1, 2, 4), "None", List.of(1));
    private static final Map<String, List<Integer>> GROUP_PRESETS = presets(
            "Powers of two", List.of(1, 2, 4, 8, 16), "ResNeXt-A", List.of(1, 2, 4), "No groups", List.of(1));
    private static final Map<String, List<Integer>> CELL_WIDTH_PRESETS = presets("Paper", List.of(16, 24, 32));
    private static final Map<String, List<Integer>> CELL_DEPTH_PRESETS = presets("Paper", List.of(4, 8, 12, 16, 20));

    private static final KeyCombination UNDO = KeyCombination.keyCombination("Shortcut+Z");
    private static final KeyCombination REDO = KeyCombination.keyCombination("Shortcut+Shift+Z");
    private static final KeyCombination REDO_Y = KeyCombination.keyCombination("Shortcut+Y");
    private final SpacesViewModel vm;
    private final SpaceEditorViewModel ed;
    private final VBox stagesBox = new VBox(8);
    private final Label error = new Label();

    /** Builds the panel over its view model; `actions` performs file dialogs and error display. */
    public SpacesView(SpacesViewModel vm, SpacesActions actions, Node histogram) {
        this.vm = vm;
        this.ed = vm.editor;
        setId("spaces-panel");
        ScrollPane editor = new ScrollPane(editorPane());
        editor.setFitToWidth(true);
        getItems().addAll(listPane(actions), editor, previewPane(histogram));
        setDividerPositions(0.2, 0.62);
        addEventFilter(KeyEvent.KEY_PRESSED, this::undoKeys);
    }

    /** Ctrl+Z undoes the last edit of the space, Ctrl+Shift+Z and Ctrl+Y redo it, wherever the focus is in the panel. */
    private void undoKeys(KeyEvent e) {
        if (UNDO.match(e)) {
            ed.undo();
            e.consume();
        } else if (REDO.match(e) || REDO_Y.match(e)) {
            ed.redo();
            e.consume();
        }
    }

    private Node listPane(SpacesActions actions) {
        ListView<SpaceEntry> list = new ListView<>(vm.entries);
        list.setId("space-list");
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b == null || b.equals(vm.selected.get())) {
                return;
            }
            if (actions.leaveEdits()) {
                vm.selected.set(b);
            } else {
                SpaceEntry keep = vm.selected.get();
                javafx.application.Platform.runLater(() -> {
                    if (keep == null) {
                        list.getSelectionModel().clearSelection();
                    } else {
                        list.getSelectionModel().select(keep);
                    }
                });
            }
        });
        list.setCellFactory(lv -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(SpaceEntry e, boolean empty) {
                super.updateItem(e, empty);
                boolean edited = !empty && e != null && e.equals(vm.selected.get()) && ed.dirty.get();
                setText(empty || e == null ? null : (edited ? "* " : "") + e);
            }
        });
        ed.dirty.addListener((o, a, b) -> list.refresh());
        vm.selected.addListener((o, a, b) -> list.refresh());
        vm.selected.addListener((o, a, b) -> {
            if (b == null) {
                list.getSelectionModel().clearSelection();
            }
        });
        Button newStage = button("new-stage", "New stage", unlessCancelled(actions, vm::newStageSpace));
        Button newCell = button("new-cell", "New cell", unlessCancelled(actions, vm::newCellSpace));
        Button dup = button("duplicate", "Duplicate", unlessCancelled(actions, vm::duplicate));
        Button open = button("open", "Open…", actions::open);
        Button save = button("save", "Save", actions::save);
        Button saveAs = button("save-as", "Save as…", actions::saveAs);
        Button delete = button("delete", "Delete", actions::delete);
        save.disableProperty().bind(ed.spaceProperty().isNull());
        saveAs.disableProperty().bind(ed.spaceProperty().isNull());
        delete.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.selected.get() == null || vm.selected.get().builtin(), vm.selected));
        FlowPane buttons = new FlowPane(4, 4, newStage, newCell, dup, open, save, saveAs, delete);
        buttons.setPadding(new Insets(6));
        BorderPane pane = new BorderPane(list);
        pane.setTop(buttons);
        Label status = new Label();
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        pane.setBottom(status);
        return pane;
    }

    /** Runs `action` once unsaved edits are saved or discarded; not at all when the user cancels. */
    private static Runnable unlessCancelled(SpacesActions actions, Runnable action) {
        return () -> {
            if (actions.leaveEdits()) {
                action.run();
            }
        };
    }

    private Node editorPane() {
        Label title = new Label();
        title.setId("space-title");
        title.setStyle("-fx-font-size: 14px; -fx-font-weight: bold;");
        title.textProperty().bind(Bindings.createStringBinding(() -> SpacesViewModel.title(ed.name.get(),
                ed.dirty.get()), ed.name, ed.dirty));
        Button undo = button("space-undo", "Undo", ed::undo);
        undo.disableProperty().bind(ed.canUndoProperty().not());
        undo.setTooltip(new javafx.scene.control.Tooltip("Takes back the last edit (Ctrl+Z)"));
        Button redo = button("space-redo", "Redo", ed::redo);
        redo.disableProperty().bind(ed.canRedoProperty().not());
        redo.setTooltip(new javafx.scene.control.Tooltip("Makes the undone edit again (Ctrl+Shift+Z or Ctrl+Y)"));
        TextField name = new TextField();
        name.setId("space-name");
        name.textProperty().bindBidirectional(ed.name);
        name.setPrefColumnCount(20);
        TextField description = new TextField();
        description.setId("space-description");
        description.textProperty().bindBidirectional(ed.description);
        description.setPrefColumnCount(20);
        Label family = new Label();
        family.textProperty().bind(ed.family);
        GridPane head = grid();
        head.addRow(0, new Label("Name"), field("space-name", name));
        head.addRow(1, new Label("Description"), description);
        head.addRow(2, new Label("Family"), family);
        Label file = new Label();
        file.setId("space-file");
        file.setWrapText(true);
        file.textProperty().bind(Bindings.createStringBinding(vm::location, vm.currentFileProperty(),
                ed.name, vm.selected));
        Tooltip fileTip = new Tooltip();
        fileTip.textProperty().bind(file.textProperty());
        file.setTooltip(fileTip);
        VBox box = new VBox(10, new FlowPane(8, 4, title, undo, redo), file, head, RegNetForm.pyclsInput(ed),
                ConstraintsForm.of(ed), stagePane(), RegNetForm.of(ed), cellPane());
        box.setPadding(new Insets(10));
        return box;
    }

    private Node stagePane() {
        ComboBox<BlockType> block = new ComboBox<>();
        block.setId("block-type");
        block.getItems().setAll(BlockType.values());
        block.setConverter(DisplayConverter.of(BlockType::recordName));
        block.valueProperty().bindBidirectional(ed.blockType);
        Spinner<Integer> stemWidth = spinner("stem-width", ed.stemWidth.get());
        stemWidth.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                ed.stemWidth.set(b);
            }
        });
        ed.stemWidth.addListener((o, a, b) -> stemWidth.getValueFactory().setValue(b.intValue()));
        GridPane g = grid();
        g.addRow(0, new Label("Block type"), block);
        g.addRow(1, new Label("Stem width"), field("stem-width", stemWidth));
        g.addRow(2, new Label("Stem stride"), field("stem-stride", RegNetForm.spinner("stem-stride", ed.stemStride)));
        Button add = button("add-stage", "Add stage", ed::addStage);
        ed.stages.addListener((ListChangeListener<StageDraft>) c -> rebuildStages());
        ed.blockType.addListener((o, a, b) -> rebuildStages());
        ed.pycls.addListener((o, a, b) -> rebuildStages());
        rebuildStages();
        VBox box = new VBox(8, g, stagesBox, add);
        box.visibleProperty().bind(ed.family.isEqualTo("stage"));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void rebuildStages() {
        stagesBox.getChildren().clear();
        for (int i = 0; i < ed.stages.size(); i++) {
            StageDraft d = ed.stages.get(i);
            String p = "stages-" + i;
            Spinner<Integer> stride = spinner(p + "-stride", d.stride.get());
            stride.getValueFactory().valueProperty().addListener((o, a, b) -> {
                if (b != null) {
                    d.stride.set(b);
                }
            });
            GridPane g = grid();
            g.addRow(0, new Label("Stride"), field(p + "-stride", stride));
            g.addRow(1, new Label("Depth"), field(p + "-depth", new ValueChips(p + "-depth", d.depths, DEPTH_PRESETS)));
            g.addRow(2, new Label("Width"), field(p + "-width", new ValueChips(p + "-width", d.widths, WIDTH_PRESETS)));
            if (ed.blockType.get().isBottleneck()) {
                g.addRow(3, new Label("Bottleneck ratio"), field(p + "-bottleneck_ratio",
                        new ValueChips(p + "-bottleneck_ratio", d.ratios, RATIO_PRESETS)));
                g.addRow(4, new Label(ed.pycls.get() ? "Group width" : "Groups"), field(p + "-groups",
                        new ValueChips(p + "-groups", d.groups, GROUP_PRESETS)));
            }
            int index = i;
            Button remove = button(p + "-remove", "Remove stage", () -> ed.removeStage(index));
            g.add(remove, 1, 5);
            TitledPane t = new TitledPane("Stage " + (i + 1), g);
            t.setId(p);
            stagesBox.getChildren().add(t);
        }
        markError(ed.errorFieldProperty().get());
    }


    private Node cellPane() {
        CheckListView<CellOp> ops = new CheckListView<>();
        ops.setId("ops");
        ops.getItems().setAll(CellOp.values());
        ops.setPrefHeight(330);
        ops.setCellFactory(lv -> new javafx.scene.control.cell.CheckBoxListCell<>(ops::getItemBooleanProperty,
                DisplayConverter.of(CellOp::recordName)));
        syncChecks(ops);
        ed.ops.addListener((ListChangeListener<CellOp>) c -> syncChecks(ops));
        ops.getCheckModel().getCheckedItems().addListener((ListChangeListener<CellOp>) c -> {
            List<CellOp> checked = List.copyOf(ops.getCheckModel().getCheckedItems());
            if (!checked.equals(ed.ops)) {
                ed.ops.setAll(java.util.Arrays.stream(CellOp.values()).filter(checked::contains).toList());
            }
        });
        Spinner<Integer> nodes = spinner("nodes", ed.nodes.get());
        nodes.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                ed.nodes.set(b);
            }
        });
        ed.nodes.addListener((o, a, b) -> nodes.getValueFactory().setValue(b.intValue()));
        ComboBox<OutputRule> output = new ComboBox<>();
        output.setId("output");
        output.getItems().setAll(OutputRule.values());
        output.setConverter(DisplayConverter.of(r -> r == OutputRule.ALL ? "all intermediate nodes (A)" : "loose ends (L)"));
        output.valueProperty().bindBidirectional(ed.output);
        GridPane g = grid();
        g.addRow(0, new Label("Ops"), field("ops", ops));
        g.addRow(1, new Label("Nodes"), field("nodes", nodes));
        g.addRow(2, new Label("Output"), output);
        g.addRow(3, new Label("Width"), field("width", new ValueChips("width", ed.cellWidths, CELL_WIDTH_PRESETS)));
        g.addRow(4, new Label("Depth"), field("depth", new ValueChips("depth", ed.cellDepths, CELL_DEPTH_PRESETS)));
        g.visibleProperty().bind(ed.family.isEqualTo("cell"));
        g.managedProperty().bind(g.visibleProperty());
        return g;
    }

    private void syncChecks(CheckListView<CellOp> ops) {
        for (CellOp op : CellOp.values()) {
            boolean want = ed.ops.contains(op);
            if (ops.getCheckModel().isChecked(op) != want) {
                if (want) {
                    ops.getCheckModel().check(op);
                } else {
                    ops.getCheckModel().clearCheck(op);
                }
            }
        }
    }

    private Node previewPane(Node histogram) {
        error.setId("space-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #b03a2e;");
        error.textProperty().bind(ed.errorProperty());
        ed.errorProperty().addListener((o, a, b) -> markError(ed.errorFieldProperty().get()));
        ed.errorFieldProperty().addListener((o, a, b) -> markError(b));
        Label size = new Label();
        size.setId("space-size");
        size.setWrapText(true);
        size.setStyle("-fx-font-size: 14px; -fx-font-weight: bold;");
        size.textProperty().bind(ed.sizeTextProperty());
        TextArea example = new TextArea();
        example.setId("space-example");
        example.setEditable(false);
        example.setWrapText(true);
        example.setPrefRowCount(8);
        example.textProperty().bind(ed.exampleTextProperty());
        VBox.setVgrow(histogram, Priority.ALWAYS);
        Label caption = new Label();
        caption.setId("preview-caption");
        caption.setWrapText(true);
        caption.textProperty().bind(ed.previewCaptionProperty());
        VBox box = new VBox(8, size, error, caption, histogram, new Label("Example model"), example);
        box.setPadding(new Insets(10));
        return box;
    }

    /**
     * Marks the control whose id matches the field named by the validation message and shows the message under it;
     * every other mark and message is cleared.
     */
    private void markError(String field) {
        lookupAll(".field-error").forEach(n -> n.getStyleClass().remove("field-error"));
        lookupAll(".space-field-error").forEach(n -> {
            ((Label) n).setText("");
            n.setVisible(false);
        });
        if (field == null || field.isEmpty()) {
            return;
        }
        String id = field.replace("[", "-").replace("]", "").replace('.', '-').replace("--", "-");
        Node n = lookup("#" + id);
        if (n == null) {
            id = id.replaceAll("-\\d+$", "");
            n = lookup("#" + id);
        }
        if (n != null) {
            n.getStyleClass().add("field-error");
        }
        Node message = lookup("#" + id + "-error");
        if (message instanceof Label l) {
            l.setText(ed.errorProperty().get());
            l.setVisible(true);
        }
    }

    /** The control `control` (id `id`) with the place under it where its validation message shows (id ID-error). */
    static Node field(String id, Node control) {
        Label message = new Label();
        message.setId(id + "-error");
        message.getStyleClass().addAll("field-error-text", "space-field-error");
        message.setWrapText(true);
        message.setVisible(false);
        message.managedProperty().bind(message.visibleProperty());
        return new VBox(2, control, message);
    }

    static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /**
     * An editable integer spinner that takes any whole number typed: the space's own validation refuses one out of
     * range with a message next to the field, so a typed value is never silently changed (stem width 0 stays 0).
     */
    static Spinner<Integer> spinner(String id, int value) {
        Spinner<Integer> s = new Spinner<>(Integer.MIN_VALUE, Integer.MAX_VALUE, value);
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(100);
        return s;
    }

    static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(110);
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(label, value);
        return g;
    }


    private static Map<String, List<Integer>> presets(Object... nameThenList) {
        Map<String, List<Integer>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenList.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Integer> list = (List<Integer>) nameThenList[i + 1];
            m.put((String) nameThenList[i], list);
        }
        return m;
    }
}
