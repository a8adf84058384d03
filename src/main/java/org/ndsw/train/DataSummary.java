package org.ndsw.train;

/**
 * What a run trained and tested on.
 *
 * @param name the data set's name, e.g. "CIFAR-10"
 * @param format "cifar-10-binary" or "image-folders"
 * @param path the directory read
 * @param trainImages training images used
 * @param testImages test images used
 * @param trainSubset requested training subset (0 = all)
 * @param testSubset requested test subset (0 = all)
 */
public record DataSummary(String name, String format, String path, int trainImages, int testImages, int trainSubset,
        int testSubset) {}
