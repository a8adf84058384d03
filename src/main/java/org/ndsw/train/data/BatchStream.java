package org.ndsw.train.data;

import org.ndsw.train.Batch;

/** The batches of one pass over a data set, in order. */
public interface BatchStream extends AutoCloseable {
    /** Number of batches in the pass. */
    int batches();

    /** True while batches remain. */
    boolean hasNext();

    /** The next batch. */
    Batch next();

    @Override
    void close();
}
