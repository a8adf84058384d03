package org.ndsw.ui;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.ndsw.NdswException;

/** Error and confirmation dialogs that say what went wrong and what to do. */
public final class Dialogs {
    private final Window owner;

    /** Dialogs owned by `owner`. */
    public Dialogs(Window owner) {
        this.owner = owner;
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

    /** Asks a yes/no question; true for yes. */
    public boolean confirm(String header, String text) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.YES, ButtonType.NO);
        a.initOwner(owner);
        a.setHeaderText(header);
        Optional<ButtonType> answer = a.showAndWait();
        return answer.isPresent() && answer.get() == ButtonType.YES;
    }
}
