package org.ndsw.ui.catalog;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.ndsw.app.ingest.Download;

/** File > Import from URL…: asks for the URL of NDS data, prefilled with the released data.zip. */
final class UrlDialog {
    /** The URL typed and whether to download it again. */
    record Answer(String url, boolean refetch) {}

    private UrlDialog() {}

    /** Shows the dialog and waits; empty if cancelled. `downloads` is the folder the file will be saved in. */
    static Optional<Answer> ask(Window owner, Path downloads) {
        Dialog<Answer> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Import from URL");
        d.setHeaderText("Download NDS data (a .json file or a .zip of them) and import it");
        TextField url = new TextField(Download.NDS_DATA_URL);
        url.setId("import-url");
        url.setPrefColumnCount(48);
        CheckBox refetch = new CheckBox("Download again even if it was downloaded before");
        refetch.setId("import-url-refetch");
        Label where = new Label("The file is saved in " + downloads + " and imported from there; a complete earlier"
                + " download of the same URL is reused.");
        where.setWrapText(true);
        where.setMaxWidth(520);
        d.getDialogPane().setContent(new VBox(8, url, refetch, where));
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? new Answer(url.getText().strip(), refetch.isSelected()) : null);
        d.setOnShown(e -> url.requestFocus());
        return d.showAndWait();
    }
}
