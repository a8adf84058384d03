package org.ndsw.ui.catalog;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Text columns for the catalogue tables: values formatted once, numbers right-aligned. */
final class Cells {
    private Cells() {}

    /** A column showing `text` of each row (empty for rows not read yet); numbers are right-aligned. */
    static <R> TableColumn<R, String> column(String title, double width, boolean number, Function<R, String> text) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue() == null ? "" : text.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : oneLine(s));
                setTooltip(empty || s == null || s.isEmpty() ? null : new javafx.scene.control.Tooltip(s));
            }
        });
        if (number) {
            c.setStyle("-fx-alignment: CENTER-RIGHT;");
        } else {
            c.setStyle("-fx-alignment: " + Pos.CENTER_LEFT + ";");
        }
        return c;
    }

    /** `s` on one line: a cell shows only a text's first line, so line breaks and runs of spaces become one space. */
    static String oneLine(String s) {
        return s == null ? null : s.strip().replaceAll("\\s+", " ");
    }

    /** A count with thousands separators, or "" for null. */
    static String count(Long v) {
        return v == null ? "" : String.format(Locale.ROOT, "%,d", v);
    }

    /** An error in % with two decimals, or "" for null. */
    static String error(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** An integer, or "" for null. */
    static String integer(Number v) {
        return v == null ? "" : v.toString();
    }
}
