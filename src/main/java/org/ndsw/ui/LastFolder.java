package org.ndsw.ui;

import java.io.File;
import java.util.prefs.Preferences;

/** The folder file dialogs start in: the last one used, shared by every panel and kept in the preferences. */
public final class LastFolder {
    private static final String KEY = "lastFolder";
    private final Preferences prefs;
    private File folder;

    /** A folder kept only while the application runs. */
    public LastFolder() {
        this(null);
    }

    /** A folder kept in `prefs` (null: in memory only). */
    public LastFolder(Preferences prefs) {
        this.prefs = prefs;
        String saved = prefs == null ? null : prefs.get(KEY, null);
        this.folder = saved == null ? null : new File(saved);
    }

    /** The last folder used if it still exists, else null. */
    public File get() {
        return folder != null && folder.isDirectory() ? folder : null;
    }

    /** Remembers the folder of a chosen file. */
    public void remember(File chosen) {
        File dir = chosen == null ? null : chosen.getAbsoluteFile().getParentFile();
        if (dir != null) {
            folder = dir;
            if (prefs != null) {
                prefs.put(KEY, dir.getPath());
            }
        }
    }
}
