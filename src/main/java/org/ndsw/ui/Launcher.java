package org.ndsw.ui;

import javafx.application.Application;

/**
 * Starts the workbench window. A plain class, because a main class that extends Application fails on the class
 * path ("JavaFX runtime components are missing").
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
