package org.ndsw.ui.spaces;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The RegNet part of the space editor: the ranges of d, w0, wa, wm, g and b, SE ratio, stem width and stage count,
 * each with its validation message under it, and the stages one setting generates. Binds only; no logic.
 */
final class RegNetForm {
    private RegNetForm() {}

    /**
     * The input of a pycls space (AnyNetX copies and RegNet spaces): pycls's simple_stem_in, image size and classes,
     * shown only for those.
     */
    static Node pyclsInput(SpaceEditorViewModel ed) {
        GridPane g = SpacesView.grid();
        Label stem = new Label("simple_stem_in: 3x3 conv at stride 2, BN, ReLU (pycls)");
        stem.setWrapText(true);
        g.addRow(0, new Label("Stem type"), stem);
        g.addRow(1, new Label("Image size"), SpacesView.field("pycls-im_size", spinner("pycls-im_size", ed.imageSize)));
        g.addRow(2, new Label("Classes"), SpacesView.field("pycls-num_classes",
                spinner("pycls-num_classes", ed.classes)));
        g.visibleProperty().bind(ed.pycls);
        g.managedProperty().bind(g.visibleProperty());
        return g;
    }

    /** The form over `ed`, shown only while the edited space is a RegNet space. */
    static Node of(SpaceEditorViewModel ed) {
        RegNetDraft r = ed.regnet;
        GridPane g = SpacesView.grid();
        int row = 0;
        g.addRow(row++, new Label("Depth d"), range("regnet-depth", r.depthMin, r.depthMax));
        g.addRow(row++, new Label("Initial width w0"), range("regnet-w0", r.w0Min, r.w0Max));
        g.addRow(row++, new Label("Slope wa"), range("regnet-wa", r.waMin, r.waMax));
        g.addRow(row++, new Label("Width multiplier wm"), range("regnet-wm", r.wmMin, r.wmMax));
        g.addRow(row++, new Label("Group width g"), range("regnet-group_width", r.groupMin, r.groupMax));
        g.addRow(row++, new Label("Bottleneck multiplier b"), range("regnet-bot_mul", r.botMulMin, r.botMulMax));
        g.addRow(row++, new Label("SE ratio"), SpacesView.field("regnet-se_ratio", text("regnet-se_ratio", r.seRatio)));
        g.addRow(row++, new Label("Stem width"), SpacesView.field("regnet-stem_width",
                spinner("regnet-stem_width", r.stemWidth)));
        g.addRow(row, new Label("Stages"), SpacesView.field("regnet-num_stages",
                spinner("regnet-num_stages", r.numStages)));
        Label note = new Label("Ranges are [min, max]; w0, wa, wm and g are drawn log-uniformly, d uniformly, b as a"
                + " power of two, as pycls's regnet_sampler draws them.");
        note.setWrapText(true);
        VBox box = new VBox(8, g, note, generated(ed));
        box.visibleProperty().bind(ed.family.isEqualTo("regnet"));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** The preview setting and the table of the stages it generates. */
    private static Node generated(SpaceEditorViewModel ed) {
        TextField setting = new TextField();
        setting.setId("regnet-setting");
        setting.setPromptText("middle of the ranges");
        setting.setPrefColumnCount(22);
        setting.textProperty().bindBidirectional(ed.previewSetting);
        Label text = new Label();
        text.setId("regnet-generated-text");
        text.setWrapText(true);
        text.textProperty().bind(ed.generatedTextProperty());
        TableView<RegNetDraft.StageRow> table = new TableView<>();
        table.setId("regnet-generated");
        table.getColumns().add(column("Stage", RegNetDraft.StageRow::stage));
        table.getColumns().add(column("Depth", RegNetDraft.StageRow::depth));
        table.getColumns().add(column("Width", RegNetDraft.StageRow::width));
        table.getColumns().add(column("Bottleneck width", RegNetDraft.StageRow::bottleneckWidth));
        table.getColumns().add(column("Group width", RegNetDraft.StageRow::groupWidth));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPrefHeight(180);
        table.itemsProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> javafx.collections.FXCollections.observableArrayList(ed.generatedProperty().get()),
                ed.generatedProperty()));
        Label title = new Label("Generated stages");
        title.setStyle("-fx-font-weight: bold;");
        return new VBox(6, title, new HBox(6, new Label("Setting d w0 wa wm g b"), setting), text, table);
    }

    private static TableColumn<RegNetDraft.StageRow, Integer> column(String title,
            java.util.function.ToIntFunction<RegNetDraft.StageRow> value) {
        TableColumn<RegNetDraft.StageRow, Integer> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.applyAsInt(f.getValue())));
        return c;
    }

    private static Node range(String id, IntegerProperty min, IntegerProperty max) {
        HBox box = new HBox(6, spinner(id + "-min", min), new Label("to"), spinner(id + "-max", max));
        box.setId(id);
        return SpacesView.field(id, box);
    }

    private static Node range(String id, StringProperty min, StringProperty max) {
        HBox box = new HBox(6, text(id + "-min", min), new Label("to"), text(id + "-max", max));
        box.setId(id);
        return SpacesView.field(id, box);
    }

    private static TextField text(String id, StringProperty p) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(7);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    /** An editable spinner kept in step with `p` both ways. */
    static Spinner<Integer> spinner(String id, IntegerProperty p) {
        Spinner<Integer> s = SpacesView.spinner(id, p.get());
        s.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null && b != p.get()) {
                p.set(b);
            }
        });
        p.addListener((o, a, b) -> {
            if (!b.equals(s.getValueFactory().getValue())) {
                s.getValueFactory().setValue(b.intValue());
            }
        });
        return s;
    }
}
