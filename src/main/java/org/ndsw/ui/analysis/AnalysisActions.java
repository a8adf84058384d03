package org.ndsw.ui.analysis;

/** The analysis panel's actions that need the window: dialogs and file choosers. */
public interface AnalysisActions {
    /** Analyses the Compare panel's current sets. */
    void analyseCompareSets();

    /** Asks for a PNG or SVG file and writes the figures of the view on screen. */
    void exportView();

    /** Asks how to refine (pre-filled from the selected parameter's good range) and writes the child space. */
    void refine();

    /** Asks for n, epochs and data, then samples and trains the child's sweep. */
    void sampleAndTrain();

    /** Asks for an HTML file and, after confirming, writes the report of the current sets. */
    void exportReport();
}
