package org.ndsw.ui.catalog;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Imports what is dropped on the window: NDS JSON files, folders of them, or data.zip. The scene accepts a drag that
 * carries files, shows a drop hint meanwhile, and hands the dropped paths to the import.
 */
public final class DropImport {
    private final Consumer<List<Path>> importer;

    /** A drop target passing dropped paths to `importer`. */
    public DropImport(Consumer<List<Path>> importer) {
        this.importer = importer;
    }

    /** Listens for drags and drops anywhere on `scene`; `hint` is shown while files hover over the window. */
    public void install(Scene scene, Node hint) {
        hint.setVisible(false);
        hint.setMouseTransparent(true);
        scene.addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                hint.setVisible(true);
            }
        });
        scene.addEventFilter(DragEvent.DRAG_EXITED_TARGET, e -> hint.setVisible(false));
        scene.addEventFilter(DragEvent.DRAG_DROPPED, e -> {
            hint.setVisible(false);
            e.setDropCompleted(dropped(e.getDragboard()));
            e.consume();
        });
    }

    /** Imports the files of a dragboard; false if it holds none. */
    public boolean dropped(Dragboard board) {
        return board.hasFiles() && drop(board.getFiles());
    }

    /** Imports dropped files: what the drop handler does with the dragboard's files. */
    public boolean drop(List<File> files) {
        if (files == null || files.isEmpty()) {
            return false;
        }
        importer.accept(files.stream().map(File::toPath).toList());
        return true;
    }
}
