package org.ndsw.catalog.nds;

/**
 * What an NDS file's name says (docs/reference/nds-json.md#files): `<Space>[_fix-w-d | _lr-wd | _reruns | _rng{1,2,3}][_in].json`.
 *
 * @param sweep the file name without `.json`, the sweep name (`ResNet_rng1`)
 * @param space the prefix before the first underscore (`ResNeXt-A_rng1.json` is in space `ResNeXt-A`)
 * @param dataset "imagenet" for `_in` files, else "cifar10"
 */
public record NdsFileName(String sweep, String space, String dataset) {
    /** Dataset name of the CIFAR-10 files. */
    public static final String CIFAR10 = "cifar10";
    /** Dataset name of the `_in` files. */
    public static final String IMAGENET = "imagenet";

    /** Reads a file name (a bare name, no folders). */
    public static NdsFileName of(String fileName) {
        String sweep = fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                ? fileName.substring(0, fileName.length() - 5) : fileName;
        int cut = sweep.indexOf('_');
        String space = cut > 0 ? sweep.substring(0, cut) : sweep;
        return new NdsFileName(sweep, space, sweep.endsWith("_in") ? IMAGENET : CIFAR10);
    }

    /** The sweep name of a group of a grouped file: `ResNet_reruns/top`. */
    public String sweep(String group) {
        return group == null || group.isEmpty() ? sweep : sweep + "/" + group;
    }
}
