package org.ndsw.ui.training;

/** What the training panel's buttons and menu items do that needs the window (choosers, questions). */
public interface TrainingActions {
    /** Chooses the dataset folder, starting in the last folder used. */
    void chooseDataset();

    /** Creates the sweep the form describes. */
    void create();

    /** Starts or resumes the selected sweep. */
    void start();

    /** Stops the selected sweep. */
    void stop();

    /** Puts the selected sweep's failed runs back in the queue and trains them. */
    void retryFailed();

    /** Opens the "Plan for a cluster…" dialog for the selected sweep. */
    void planForCluster();

    /** Chooses a plan folder and collects its results into the selected sweep. */
    void collectResults();

    /**
     * Asked when the window closes: returns false to keep the window open. While sweeps run here, asks whether to
     * stop them or leave them running.
     */
    boolean confirmClose();
}
