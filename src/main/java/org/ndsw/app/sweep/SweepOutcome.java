package org.ndsw.app.sweep;

/**
 * How a `run` of a sweep ended.
 *
 * @param stopped true if it ended on a stop request (runs left in the queue), false if no run was left to train
 * @param seconds wall time of this run of the scheduler
 */
public record SweepOutcome(String sweep, int total, int done, int failed, int pending, boolean stopped,
        double seconds) {}
