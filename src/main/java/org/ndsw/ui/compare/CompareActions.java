package org.ndsw.ui.compare;

/** The compare panel's actions that need the window: file choosers and error dialogs. */
public interface CompareActions {
    /** Asks for files of trained models and adds them. */
    void addFiles();

    /** Asks which catalogue sweeps to add and adds them. */
    void addSweeps();

    /** Asks for a PNG or SVG file and writes the selected figure. */
    void exportFigure();

    /** Asks for a CSV file and writes the EDF steps and the KS table. */
    void exportNumbers();

    /** Takes sets sent from the catalogue, asking whether to add them or replace the current ones. */
    void receive(java.util.List<CompareInput> sets);
}
