package org.ndsw.catalog;

/**
 * The scheduling state of one run of a sweep ndsw trains, as `ndsw sweep status` shows it.
 *
 * @param id the run's row id
 * @param model the model hash
 * @param epochs finished epochs (0 before the first)
 * @param maxEpochs epochs the recipe asks for
 * @param error best test top-1 error so far in %, or null
 * @param attempts how many times a worker was started on it
 * @param failure why it failed, or null
 * @param ownerHost host of the process holding the claim, or null
 * @param ownerPid pid of the process holding the claim, or null
 * @param heartbeat the claim's last sign of life in ms since 1970, or null
 * @param imagesPerSecond training images per second of the run's last recorded epoch (from its record's
 *     `train_ep_img_per_s`), or null while it has no record
 * @param baseLr the base learning rate the run trains with (sampled per model when the sweep samples it), or null
 * @param wd the weight decay the run trains with, or null
 */
public record SweepRun(long id, int seq, String model, Long seed, RunStatus status, int epochs, Integer maxEpochs,
        Double error, Double finalError, int attempts, String failure, String ownerHost, Long ownerPid,
        Long heartbeat, String checkpointDir, Double imagesPerSecond, Double baseLr, Double wd) {
    /** A run whose lr and wd are not known. */
    public SweepRun(long id, int seq, String model, Long seed, RunStatus status, int epochs, Integer maxEpochs,
            Double error, Double finalError, int attempts, String failure, String ownerHost, Long ownerPid,
            Long heartbeat, String checkpointDir, Double imagesPerSecond) {
        this(id, seq, model, seed, status, epochs, maxEpochs, error, finalError, attempts, failure, ownerHost, ownerPid,
                heartbeat, checkpointDir, imagesPerSecond, null, null);
    }
}
