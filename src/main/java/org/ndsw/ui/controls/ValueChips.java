package org.ndsw.ui.controls;

import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.ndsw.Quote;

/**
 * Edits a list of integer choices as chips: click × to remove a value, type a value and press Enter to add it, or
 * pick a preset. The list stays sorted and free of repeats; invalid text is refused with a message shown next to the
 * field (id ID-input-error), which goes away with the outline as soon as the text is cleared or changed.
 */
public final class ValueChips extends FlowPane {
    private final ObservableList<Integer> values;
    private final TextField input = new TextField();
    private final Label inputError = new Label();

    /** Chips over `values` with named presets (each replaces the list). */
    public ValueChips(String id, ObservableList<Integer> values, Map<String, List<Integer>> presets) {
        this.values = values;
        setId(id);
        getStyleClass().add("value-chips");
        setHgap(4);
        setVgap(4);
        setAlignment(Pos.CENTER_LEFT);
        input.setId(id + "-input");
        input.setPrefColumnCount(5);
        input.setPromptText("add");
        input.setOnAction(e -> addTyped());
        inputError.setId(id + "-input-error");
        inputError.getStyleClass().add("field-error-text");
        inputError.setWrapText(true);
        inputError.managedProperty().bind(inputError.visibleProperty());
        inputError.setVisible(false);
        input.textProperty().addListener((o, a, b) -> clearInputError());
        MenuButton presetButton = new MenuButton("Presets");
        presetButton.setId(id + "-presets");
        presets.forEach((name, list) -> {
            MenuItem item = new MenuItem(name + "  " + list);
            item.setOnAction(e -> values.setAll(list));
            presetButton.getItems().add(item);
        });
        values.addListener((ListChangeListener<Integer>) c -> rebuild(presetButton));
        rebuild(presetButton);
    }

    private void addTyped() {
        String text = input.getText().trim();
        try {
            int v = Integer.parseInt(text);
            if (v < 1) {
                throw new NumberFormatException();
            }
            if (!values.contains(v)) {
                int at = 0;
                while (at < values.size() && values.get(at) < v) {
                    at++;
                }
                values.add(at, v);
            }
            input.clear();
            clearInputError();
        } catch (NumberFormatException e) {
            String why = text.isEmpty() ? "type a whole number of at least 1, then press Enter"
                    : Quote.of(text) + " is not a whole number of at least 1";
            inputError.setText(why);
            inputError.setVisible(true);
            input.setTooltip(new Tooltip(why));
            input.setStyle("-fx-border-color: #c0392b;");
        }
    }

    private void clearInputError() {
        inputError.setText("");
        inputError.setVisible(false);
        input.setTooltip(null);
        input.setStyle("");
    }

    private void rebuild(MenuButton presetButton) {
        getChildren().clear();
        for (Integer v : values) {
            Label text = new Label(String.valueOf(v));
            Button remove = new Button("×");
            remove.getStyleClass().add("chip-remove");
            remove.setFocusTraversable(false);
            remove.setOnAction(e -> values.remove(v));
            HBox chip = new HBox(2, text, remove);
            chip.setAlignment(Pos.CENTER_LEFT);
            chip.setPadding(new Insets(0, 0, 0, 6));
            chip.getStyleClass().add("chip");
            getChildren().add(chip);
        }
        getChildren().addAll(input, presetButton, inputError);
    }
}
