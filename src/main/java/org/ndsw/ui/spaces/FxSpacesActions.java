package org.ndsw.ui.spaces;

import java.io.File;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import org.ndsw.Quote;
import javafx.stage.Window;
import org.ndsw.ui.Dialogs;
import org.ndsw.ui.FileDialogs;

/** The spaces panel's window actions: file choosers, confirmation and error dialogs. */
public final class FxSpacesActions implements SpacesActions {
    private final SpacesViewModel vm;
    private final Window window;
    private final Dialogs dialogs;
    private final FileDialogs files;

    /** Actions for `vm` in `window`. */
    public FxSpacesActions(SpacesViewModel vm, Window window, Dialogs dialogs) {
        this.vm = vm;
        this.window = window;
        this.dialogs = dialogs;
        this.files = new FileDialogs(dialogs);
    }

    @Override
    public void open() {
        if (!leaveEdits()) {
            return;
        }
        File f = jsonChooser("Open design space").showOpenDialog(window);
        if (f != null) {
            files.remember(f);
            files.guarded(() -> vm.open(f.toPath()));
        }
    }

    @Override
    public void save() {
        files.guarded(vm::save);
    }

    @Override
    public void saveAs() {
        FileChooser c = jsonChooser("Save design space as");
        c.setInitialFileName(SpacesViewModel.fileName(vm.editor.name.get()));
        Path folder = vm.currentFile() != null ? vm.currentFile().toAbsolutePath().getParent() : vm.userDir();
        if (vm.currentFile() == null) {
            try {
                java.nio.file.Files.createDirectories(folder);
            } catch (java.io.IOException | RuntimeException e) {
                folder = null; // the chooser then opens where it would anyway
            }
        }
        if (folder != null && folder.toFile().isDirectory()) {
            c.setInitialDirectory(folder.toFile());
        }
        File f = c.showSaveDialog(window);
        if (f != null) {
            files.remember(f);
            Path p = f.toPath();
            files.guarded(() -> vm.saveAs(p));
        }
    }

    @Override
    public void delete() {
        SpaceEntry e = vm.selected.get();
        if (e != null && !e.builtin() && dialogs.confirm("Delete " + e.space().name() + "?",
                "This deletes " + e.file() + ".")) {
            files.guarded(vm::deleteSelected);
        }
    }

    @Override
    public boolean leaveEdits() {
        try {
            return vm.leave(this::ask);
        } catch (RuntimeException e) {
            dialogs.showError(e);
            return false;
        }
    }

    private SpacesViewModel.Leave ask() {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard changes", ButtonBar.ButtonData.NO);
        boolean valid = vm.editor.spaceProperty().get() != null;
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, valid
                ? "Save them before going on, discard them, or cancel to keep editing."
                : "They cannot be saved while the space is invalid (" + vm.editor.errorProperty().get()
                        + "). Discard them, or cancel to keep editing.", ButtonType.CANCEL);
        if (valid) {
            a.getButtonTypes().add(0, save);
        }
        a.getButtonTypes().add(valid ? 1 : 0, discard);
        a.initOwner(window);
        a.setTitle("Unsaved changes");
        a.setHeaderText(Quote.of(vm.editor.name.get()) + " has unsaved changes");
        ButtonType b = a.showAndWait().orElse(ButtonType.CANCEL);
        return b == save ? SpacesViewModel.Leave.SAVE : b == discard ? SpacesViewModel.Leave.DISCARD
                : SpacesViewModel.Leave.CANCEL;
    }

    private FileChooser jsonChooser(String title) {
        FileChooser c = files.chooser(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Design space (*.json)", "*.json"));
        return c;
    }
}
