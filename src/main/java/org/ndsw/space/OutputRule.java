package org.ndsw.space;

/** Which intermediate nodes a cell concatenates into its output (paper Table 3, column "output"). */
public enum OutputRule {
    /** 'A': all intermediate nodes. */
    ALL("all"),
    /** 'L': only the loose ends, the nodes no node of the cell uses as input. */
    LOOSE("loose");

    private final String fileName;

    OutputRule(String fileName) {
        this.fileName = fileName;
    }

    /** The value used in design space files. */
    public String fileName() {
        return fileName;
    }
}
