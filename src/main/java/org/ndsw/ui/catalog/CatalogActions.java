package org.ndsw.ui.catalog;

import java.nio.file.Path;
import java.util.List;

/** The catalogue panel's actions that need the window: file choosers, confirmations and result dialogs. */
public interface CatalogActions {
    /** Asks for a catalogue file and opens it. */
    void openCatalog();

    /** Asks for a new catalogue file and creates it. */
    void newCatalog();

    /** Asks for NDS JSON files or zips and imports them. */
    void importFiles();

    /** Asks for a folder of NDS JSON files and imports it. */
    void importFolder();

    /** Asks for the URL of NDS data (prefilled with the released data.zip), downloads it and imports it. */
    void importUrl();

    /** Downloads a URL (dropped or typed) in the background and imports it, then shows the outcome. */
    void importUrl(String url);

    /** Imports paths (dropped or chosen) in the background, then shows what was imported and what was rejected. */
    void importPaths(List<Path> paths);

    /** Asks for a file and exports the selected sweep as NDS JSON. */
    void exportSweep();

    /** Asks for confirmation and deletes the selected sweeps. */
    void deleteSweeps();

    /** Sends the selected sweeps to the compare panel. */
    void compareSweeps();
}
