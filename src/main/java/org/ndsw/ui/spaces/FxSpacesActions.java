package org.ndsw.ui.spaces;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.ndsw.ui.Dialogs;

/** The spaces panel's window actions: file choosers, confirmation and error dialogs. */
public final class FxSpacesActions implements SpacesActions {
    private final SpacesViewModel vm;
    private final Window window;
    private final Dialogs dialogs;
    private File lastFolder;

    /** Actions for `vm` in `window`. */
    public FxSpacesActions(SpacesViewModel vm, Window window, Dialogs dialogs) {
        this.vm = vm;
        this.window = window;
        this.dialogs = dialogs;
    }

    @Override
    public void open() {
        File f = chooser("Open design space").showOpenDialog(window);
        if (f != null) {
            lastFolder = f.getParentFile();
            guarded(() -> vm.open(f.toPath()));
        }
    }

    @Override
    public void save() {
        guarded(vm::save);
    }

    @Override
    public void saveAs() {
        FileChooser c = chooser("Save design space as");
        c.setInitialFileName(SpacesViewModel.fileName(vm.editor.name.get()));
        File f = c.showSaveDialog(window);
        if (f != null) {
            lastFolder = f.getParentFile();
            Path p = f.toPath();
            guarded(() -> vm.saveAs(p));
        }
    }

    @Override
    public void delete() {
        SpaceEntry e = vm.selected.get();
        if (e != null && !e.builtin() && dialogs.confirm("Delete " + e.space().name() + "?",
                "This deletes " + e.file() + ".")) {
            guarded(vm::deleteSelected);
        }
    }

    private FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Design space (*.json)", "*.json"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            c.setInitialDirectory(lastFolder);
        }
        return c;
    }

    private void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ex) {
            dialogs.showError(ex);
        }
    }
}
