package org.ndsw.ui;

import java.io.File;
import javafx.stage.FileChooser;

/**
 * File choosers that start in the last folder used (shared by every panel through {@link Dialogs#lastFolder}), and a
 * guard that shows an action's failure as a dialog.
 */
public final class FileDialogs {
    private final Dialogs dialogs;

    /** File dialogs reporting failures through `dialogs`. */
    public FileDialogs(Dialogs dialogs) {
        this.dialogs = dialogs;
    }

    /** A chooser titled `title` starting in the last folder used. */
    public FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        File start = dialogs.lastFolder().get();
        if (start != null) {
            c.setInitialDirectory(start);
        }
        return c;
    }

    /** Remembers the folder of a chosen file for the next chooser. */
    public void remember(File chosen) {
        dialogs.lastFolder().remember(chosen);
    }

    /** Runs `action`, showing a failure as an error dialog. */
    public void guarded(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            dialogs.showError(e);
        }
    }
}
