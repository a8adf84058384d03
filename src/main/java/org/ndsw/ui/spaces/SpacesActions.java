package org.ndsw.ui.spaces;

/** The actions of the spaces panel that need the window: file choosers, confirmations and error dialogs. */
public interface SpacesActions {
    /** Asks for a space file and opens it. */
    void open();

    /** Saves the edited space (asking for a file if needed). */
    void save();

    /** Asks for a file and saves the edited space there. */
    void saveAs();

    /** Asks for confirmation and deletes the selected user space. */
    void delete();

    /**
     * Asks what to do with unsaved edits (save, discard, cancel) before the editor shows something else; true when it
     * may, false when the user cancelled or the save failed. Returns true at once when nothing is unsaved.
     */
    boolean leaveEdits();
}
