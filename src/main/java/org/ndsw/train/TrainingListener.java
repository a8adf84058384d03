package org.ndsw.train;

/** Receives a run's progress and may ask it to stop. */
public interface TrainingListener {
    /** A listener that ignores everything and never cancels. */
    TrainingListener NONE = new TrainingListener() {
        @Override
        public void onProgress(Progress p) {}

        @Override
        public void onEpoch(EpochRecord r) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** After every batch of training or evaluation. */
    void onProgress(Progress p);

    /** After every finished epoch. */
    void onEpoch(EpochRecord r);

    /** Checked before every batch; true stops the run (status failed, "cancelled"). */
    boolean isCancelled();
}
