package org.ndsw.ui.spaces;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.ndsw.space.Constraints;
import org.ndsw.ui.controls.DisplayConverter;

/**
 * The constraints part of the stage editor: the space's value rules and relations as a list, with Remove, and a row
 * to add one (a relation, or a min/max/set on some stages). The exact size beside the editor follows every change.
 */
final class ConstraintsForm {
    /** What a new row constrains: a relation across stages or the values themselves. */
    enum Kind {
        SHARED("shared (one value for all stages)"), NON_DECREASING("non-decreasing across stages"),
        VALUES("values: min, max, set");

        private final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    private ConstraintsForm() {}

    /** The form over `ed`, shown for stage-wise spaces. */
    static Node of(SpaceEditorViewModel ed) {
        ListView<ConstraintRow> list = new ListView<>(ed.constraints);
        list.setId("constraints");
        list.setPrefHeight(120);
        list.setCellFactory(lv -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ConstraintRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.describe(ed.pycls.get()));
            }
        });
        list.setPlaceholder(new Label("No constraints: every stage takes any of its listed values"));
        Button remove = SpacesView.button("constraint-remove", "Remove constraint", () -> {
            int i = list.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                ed.removeConstraint(i);
            }
        });
        remove.disableProperty().bind(list.getSelectionModel().selectedIndexProperty().lessThan(0));
        ComboBox<Constraints.Param> param = new ComboBox<>();
        param.setId("constraint-param");
        param.getItems().setAll(Constraints.Param.values());
        param.setConverter(DisplayConverter.of(p -> ed.pycls.get() && p == Constraints.Param.GROUPS ? "Group width"
                : SpaceMessages.label(p.fileName())));
        param.setValue(Constraints.Param.BOTTLENECK_RATIO);
        ComboBox<Kind> kind = new ComboBox<>();
        kind.setId("constraint-kind");
        kind.getItems().setAll(Kind.values());
        kind.setConverter(DisplayConverter.of(k -> k.text));
        kind.setValue(Kind.SHARED);
        TextField min = text("constraint-min", "min");
        TextField max = text("constraint-max", "max");
        TextField in = text("constraint-in", "set, e.g. 1 2 4");
        TextField stages = text("constraint-stages", "stages (all)");
        for (TextField t : List.of(min, max, in, stages)) {
            t.disableProperty().bind(kind.valueProperty().isNotEqualTo(Kind.VALUES));
        }
        Label message = new Label();
        message.setId("constraint-message");
        message.getStyleClass().add("field-error-text");
        message.setWrapText(true);
        Button add = SpacesView.button("constraint-add", "Add constraint", () -> message.setText(
                add(ed, param.getValue(), kind.getValue(), min.getText(), max.getText(), in.getText(), stages.getText())));
        Label title = new Label("Constraints");
        title.setStyle("-fx-font-weight: bold;");
        VBox box = new VBox(6, title, list, remove, new FlowPane(6, 4, param, kind, min, max, in, stages, add), message);
        box.visibleProperty().bind(ed.family.isEqualTo("stage"));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** Adds the row the fields describe; returns "" or why it was not added, in the form's words. */
    static String add(SpaceEditorViewModel ed, Constraints.Param param, Kind kind, String min, String max, String in,
            String stages) {
        ConstraintRow row;
        if (kind != Kind.VALUES) {
            row = ConstraintRow.relation(param, kind == Kind.SHARED ? Constraints.Kind.SHARED
                    : Constraints.Kind.NON_DECREASING);
        } else {
            try {
                row = new ConstraintRow(param, null, ints(stages), one(min), one(max), ints(in));
            } catch (NumberFormatException e) {
                return "Min, max, set and stages take whole numbers, got " + org.ndsw.Quote.of(e.getMessage());
            }
            if (row.min() == null && row.max() == null && row.in().isEmpty()) {
                return "Give a min, a max or a set of values";
            }
        }
        return ed.addConstraint(row) ? "" : "That constraint is already there";
    }

    private static Integer one(String text) {
        return text == null || text.isBlank() ? null : Integer.valueOf(text.trim());
    }

    private static List<Integer> ints(String text) {
        List<Integer> out = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String v : text.trim().split("[\\s,]+")) {
                out.add(Integer.valueOf(v));
            }
        }
        return out;
    }

    private static TextField text(String id, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.setPrefColumnCount(6);
        return t;
    }
}
