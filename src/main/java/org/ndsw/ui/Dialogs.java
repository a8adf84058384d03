package org.ndsw.ui;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.ndsw.NdswException;

/** Error and confirmation dialogs that say what went wrong and what to do. */
public final class Dialogs {
    private final Window owner;
    private final LastFolder folder;

    /** Dialogs owned by `owner`; file dialogs remember their folder while the application runs. */
    public Dialogs(Window owner) {
        this(owner, new LastFolder());
    }

    /** Dialogs owned by `owner`, whose file dialogs share `folder`. */
    public Dialogs(Window owner, LastFolder folder) {
        this.owner = owner;
        this.folder = folder;
    }

    /** The folder every file dialog starts in. */
    public LastFolder lastFolder() {
        return folder;
    }

    /** Shows a failure: user errors with their message, bugs with their type and a request to report them. */
    public void showError(Throwable t) {
        Throwable cause = t;
        while (!(cause instanceof NdswException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner);
        if (cause instanceof NdswException) {
            a.setHeaderText("That did not work");
            a.setContentText(cause.getMessage());
        } else {
            a.setHeaderText("Internal error — please report it");
            a.setContentText(t.toString());
        }
        a.show();
    }

    /**
     * Shows a report without waiting: a header, a short text, and long details in an expandable, selectable text
     * area (shown expanded when `expanded`).
     */
    public Alert report(Alert.AlertType type, String title, String header, String text, String details,
            boolean expanded) {
        Alert a = new Alert(type);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(header);
        a.setContentText(text);
        if (details != null && !details.isBlank()) {
            TextArea area = new TextArea(details);
            area.setEditable(false);
            area.setWrapText(true);
            area.setPrefColumnCount(90);
            area.setPrefRowCount(Math.min(24, (int) details.lines().count() + 1));
            a.getDialogPane().setExpandableContent(area);
            a.getDialogPane().setExpanded(expanded);
        }
        a.setResizable(true);
        a.show();
        return a;
    }

    /** Asks a yes/no question; true for yes. */
    public boolean confirm(String header, String text) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.YES, ButtonType.NO);
        a.initOwner(owner);
        a.setHeaderText(header);
        Optional<ButtonType> answer = a.showAndWait();
        return answer.isPresent() && answer.get() == ButtonType.YES;
    }
}
