package org.ndsw.ui.spaces;

import java.nio.file.Path;
import org.ndsw.space.DesignSpace;

/** A space in the list: built-in (no file) or a user space with its file. */
public record SpaceEntry(DesignSpace space, Path file) {
    /** True for the spaces of the paper, which are read-only. */
    public boolean builtin() {
        return file == null;
    }

    @Override
    public String toString() {
        return space.name() + (builtin() ? "" : "  (" + file.getFileName() + ")");
    }
}
