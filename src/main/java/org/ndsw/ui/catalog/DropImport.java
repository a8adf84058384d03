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
import org.ndsw.app.ingest.Download;

/**
 * Imports what is dropped on the window: NDS JSON files, folders of them, data.zip, or an http(s) link to one (from a
 * browser's address bar or page). The scene accepts a drag that carries files or such a link, shows a drop hint
 * meanwhile, and hands the dropped paths, or else the link, to the import.
 */
public final class DropImport {
    private final Consumer<List<Path>> importer;
    private final Consumer<String> urlImporter;

    /** A drop target passing dropped paths to `importer` and dropped links to `urlImporter`. */
    public DropImport(Consumer<List<Path>> importer, Consumer<String> urlImporter) {
        this.importer = importer;
        this.urlImporter = urlImporter;
    }

    /** Listens for drags and drops anywhere on `scene`; `hint` is shown while files hover over the window. */
    public void install(Scene scene, Node hint) {
        hint.setVisible(false);
        hint.setMouseTransparent(true);
        scene.addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles() || link(e.getDragboard()) != null) {
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

    /** Imports the files of a dragboard, or else its http(s) link; false if it holds neither. */
    public boolean dropped(Dragboard board) {
        if (board.hasFiles()) {
            return drop(board.getFiles());
        }
        String url = link(board);
        return url != null && dropUrl(url);
    }

    /** The dragboard's http(s) link (as a URL, else as plain text), or null. */
    private static String link(Dragboard board) {
        String url = board.hasUrl() ? board.getUrl() : board.hasString() ? board.getString() : null;
        return url != null && Download.isUrl(url) ? url.strip() : null;
    }

    /** Imports a dropped link: what the drop handler does with a dragboard's URL; false if not an http(s) URL. */
    public boolean dropUrl(String url) {
        if (url == null || !Download.isUrl(url)) {
            return false;
        }
        urlImporter.accept(url.strip());
        return true;
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
