package org.ndsw.train.data;

import java.nio.file.Path;
import java.util.List;

/**
 * An ImageNet-style image-folder data set, {@code train/<class>/*} and {@code val/<class>/*}, images of any size,
 * read lazily: the files and labels are listed once, each batch decodes its images.
 *
 * @param train training image files
 * @param trainLabels their labels (index into classes)
 * @param val validation image files
 * @param valLabels their labels
 * @param classes class folder names, sorted; index = label
 * @param path the directory read
 * @param recipe image sizes and lighting noise
 */
public record FolderData(List<Path> train, int[] trainLabels, List<Path> val, int[] valLabels, List<String> classes,
        Path path, ImageRecipe recipe) {
    /** How results name such data. */
    public static final String NAME = "image folders (pycls ImageNet recipe)";
    /** The format name in results. */
    public static final String FORMAT = "imagenet-folders";

    /** Copies the lists. */
    public FolderData {
        train = List.copyOf(train);
        val = List.copyOf(val);
        classes = List.copyOf(classes);
        trainLabels = trainLabels.clone();
        valLabels = valLabels.clone();
    }

    /** The same data with another recipe. */
    public FolderData withRecipe(ImageRecipe r) {
        return new FolderData(train, trainLabels, val, valLabels, classes, path, r);
    }
}
