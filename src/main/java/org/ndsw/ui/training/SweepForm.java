package org.ndsw.ui.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.ndsw.NdswException;
import org.ndsw.Quote;
import org.ndsw.app.sweep.SampledOptim;
import org.ndsw.app.sweep.SweepDefinition;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.Window;
import org.ndsw.train.Device;
import org.ndsw.train.Recipe;
import org.ndsw.train.RecipeOptions;
import org.ndsw.ui.spaces.SpaceEntry;

/**
 * The new-sweep form as text the user types, and the {@link SweepDefinition} it stands for. Blank bounds of the
 * complexity window mean unbounded; counts accept k, M and G suffixes ("1.5M"). The recipe defaults are the paper's
 * CIFAR recipe ({@link Recipe#NDS_CIFAR}); choosing the "enhanced" recipe fills epochs, cutout, aux weight and
 * drop-path with the paper's enhanced DARTS setup ({@link Recipe#ENHANCED_CIFAR}, §5.4), and the fields can then be
 * edited. The auxiliary head and drop-path need a cell space. The LR and WD fields take one value, or a range "LO:HI"
 * that each model samples log-uniformly ({@link SampledOptim}).
 */
public final class SweepForm {
    final ObjectProperty<SpaceEntry> space = new SimpleObjectProperty<>();
    final StringProperty name = new SimpleStringProperty("");
    final StringProperty count = new SimpleStringProperty("100");
    final StringProperty seed = new SimpleStringProperty("1");
    final StringProperty minParams = new SimpleStringProperty("");
    final StringProperty maxParams = new SimpleStringProperty("");
    final StringProperty minFlops = new SimpleStringProperty("");
    final StringProperty maxFlops = new SimpleStringProperty("");
    final StringProperty epochs = new SimpleStringProperty(Integer.toString(Recipe.NDS_CIFAR.epochs()));
    final StringProperty batch = new SimpleStringProperty(Integer.toString(Recipe.NDS_CIFAR.batchSize()));
    final StringProperty lr = new SimpleStringProperty(Double.toString(Recipe.NDS_CIFAR.baseLr()));
    final StringProperty wd = new SimpleStringProperty(new java.math.BigDecimal(Double.toString(Recipe.NDS_CIFAR.weightDecay())).toPlainString());
    final ObjectProperty<String> recipe = new SimpleObjectProperty<>(RecipeOptions.PLAIN);
    final StringProperty cutout = new SimpleStringProperty("0");
    final StringProperty auxWeight = new SimpleStringProperty("0");
    final StringProperty dropPath = new SimpleStringProperty("0");
    final StringProperty dataset = new SimpleStringProperty("");
    final StringProperty trainSubset = new SimpleStringProperty("0");
    final StringProperty testSubset = new SimpleStringProperty("0");
    final ObjectProperty<String> engine = new SimpleObjectProperty<>("djl");
    final ObjectProperty<String> device = new SimpleObjectProperty<>(Device.CPU.cliName());
    final StringProperty workers = new SimpleStringProperty("1");
    final StringProperty gpus = new SimpleStringProperty("");

    /** The fields' keys, as {@link InvalidField#field()} names them. */
    public static final java.util.List<String> FIELDS = java.util.List.of("space", "name", "count", "seed",
            "minParams", "maxParams", "minFlops", "maxFlops", "recipe", "epochs", "batch", "lr", "wd", "cutout",
            "auxWeight", "dropPath", "dataset", "trainSubset", "testSubset", "engine", "device", "workers",
            "gpus");

    /** A form with the paper's recipe; choosing a recipe fills its values into the fields. */
    public SweepForm() {
        recipe.addListener((o, a, b) -> {
            if (b != null && RecipeOptions.NAMES.contains(b)) {
                fill(RecipeOptions.ENHANCED.equals(b) ? Recipe.ENHANCED_CIFAR : Recipe.NDS_CIFAR);
            }
        });
    }

    /** Sets epochs, cutout, aux weight and drop-path to a recipe's values. */
    private void fill(Recipe r) {
        epochs.set(Integer.toString(r.epochs()));
        cutout.set(Integer.toString(r.cutout()));
        auxWeight.set(plain(r.auxWeight()));
        dropPath.set(plain(r.dropPath()));
    }

    private static String plain(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** The selected recipe, "plain" or "enhanced". */
    public ObjectProperty<String> recipeProperty() {
        return recipe;
    }

    /** The text property of a field by key (space, recipe, engine and device are not text). */
    public StringProperty text(String key) {
        return switch (key) {
            case "name" -> name;
            case "count" -> count;
            case "seed" -> seed;
            case "minParams" -> minParams;
            case "maxParams" -> maxParams;
            case "minFlops" -> minFlops;
            case "maxFlops" -> maxFlops;
            case "epochs" -> epochs;
            case "batch" -> batch;
            case "lr" -> lr;
            case "wd" -> wd;
            case "cutout" -> cutout;
            case "auxWeight" -> auxWeight;
            case "dropPath" -> dropPath;
            case "dataset" -> dataset;
            case "trainSubset" -> trainSubset;
            case "testSubset" -> testSubset;
            case "workers" -> workers;
            case "gpus" -> gpus;
            default -> throw new IllegalArgumentException("no text field " + key);
        };
    }

    /** The selected space. */
    public ObjectProperty<SpaceEntry> spaceProperty() {
        return space;
    }

    /** The selected engine name. */
    public ObjectProperty<String> engineProperty() {
        return engine;
    }

    /** The selected device, "cpu" or "gpu". */
    public ObjectProperty<String> deviceProperty() {
        return device;
    }

    /** The definition the form stands for; throws {@link InvalidField} naming the first bad field. */
    public SweepDefinition definition() {
        SpaceEntry s = space.get();
        if (s == null) {
            throw new InvalidField("space", "Space: choose a design space");
        }
        String sweepName = name.get().trim();
        int n = positiveInt("count", "Models", count.get());
        long sampleSeed = integer("seed", "Seed", seed.get());
        Window window = window();
        Recipe recipe = recipe(s);
        Path data = dataFolder();
        int train = nonNegativeInt("trainSubset", "Train subset", trainSubset.get());
        int test = nonNegativeInt("testSubset", "Test subset", testSubset.get());
        if (engine.get() == null) {
            throw new InvalidField("engine", "Engine: choose a training engine");
        }
        Device where = device();
        workers();
        String spaceRef = s.builtin() ? s.space().name() : s.file().toString();
        try {
            return new SweepDefinition(sweepName, spaceRef, n, sampleSeed, window, Convention.NDS, recipe,
                    data.toString(), train, test, 0, engine.get(), where, 1, null, sampled());
        } catch (NdswException e) {
            throw new InvalidField("name", "Name: " + e.getMessage());
        }
    }

    /**
     * The number of worker processes; throws {@link InvalidField} when it is not 1-64. Left blank: one per listed
     * GPU, else 1.
     */
    public int workers() {
        if (workers.get() == null || workers.get().isBlank()) {
            return Math.max(1, gpus().size());
        }
        int k = positiveInt("workers", "Workers", workers.get());
        if (k > 64) {
            throw new InvalidField("workers", "Workers: at most 64 worker processes, got " + k);
        }
        return k;
    }

    /**
     * The CUDA devices of the GPUs field ("0,1,2,3"; blank: workers not pinned): worker slot k sees only device
     * {@code k mod N} through CUDA_VISIBLE_DEVICES. Throws {@link InvalidField} for a bad list.
     */
    public java.util.List<Integer> gpus() {
        try {
            return new org.ndsw.app.sweep.RunOptions(1, 0, "1g", false, 60, 1, java.util.List.of(),
                    org.ndsw.app.sweep.RunOptions.parseGpus(gpus.get())).gpus();
        } catch (NdswException e) {
            throw new InvalidField("gpus", "GPUs: " + e.getMessage().replaceFirst("^--gpus: ", ""));
        }
    }

    private Device device() {
        String d = device.get();
        if (d == null) {
            throw new InvalidField("device", "Device: choose cpu or gpu");
        }
        try {
            return Device.parse(d);
        } catch (NdswException e) {
            throw new InvalidField("device", "Device: must be cpu or gpu, got " + Quote.of(d));
        }
    }

    /** Suggests a sweep name from the space and seed while the name is blank or still a suggestion. */
    void suggestName(Supplier<String> previous) {
        SpaceEntry s = space.get();
        if (s != null && (name.get().isBlank() || name.get().equals(previous.get()))) {
            name.set(suggestion());
        }
    }

    String suggestion() {
        SpaceEntry s = space.get();
        return s == null ? "" : s.space().name().replaceAll("[^A-Za-z0-9._-]", "") + "-s" + seed.get().trim();
    }

    private Window window() {
        long minP = count("minParams", "Min params", minParams.get(), 0);
        long maxP = count("maxParams", "Max params", maxParams.get(), Long.MAX_VALUE);
        long minF = count("minFlops", "Min flops", minFlops.get(), 0);
        long maxF = count("maxFlops", "Max flops", maxFlops.get(), Long.MAX_VALUE);
        if (minP > maxP) {
            throw new InvalidField("maxParams", "Max params must be at least min params (" + minParams.get().trim()
                    + ")");
        }
        if (minF > maxF) {
            throw new InvalidField("maxFlops", "Max flops must be at least min flops (" + minFlops.get().trim() + ")");
        }
        return new Window(minP, maxP, minF, maxF);
    }

    private Recipe recipe(SpaceEntry s) {
        if (recipe.get() == null) {
            throw new InvalidField("recipe", "Recipe: choose plain or enhanced");
        }
        int e = positiveInt("epochs", "Epochs", epochs.get());
        int b = positiveInt("batch", "Batch", batch.get());
        double rate = isRange(lr.get()) ? range("lr", "Learning rate", lr.get()).lo()
                : positiveDouble("lr", "Learning rate", lr.get(), false);
        double decay = isRange(wd.get()) ? range("wd", "Weight decay", wd.get()).lo()
                : positiveDouble("wd", "Weight decay", wd.get(), true);
        int c = (int) Math.min(integer("cutout", "Cutout", cutout.get()), Integer.MAX_VALUE);
        if (c < 0 || c > Recipe.MAX_CUTOUT) {
            throw new InvalidField("cutout", "Cutout: must be 0 (off) to " + Recipe.MAX_CUTOUT + " pixels, got "
                    + cutout.get().trim());
        }
        double aux = positiveDouble("auxWeight", "Aux weight", auxWeight.get(), true);
        double drop = positiveDouble("dropPath", "Drop-path", dropPath.get(), true);
        if (drop >= 1) {
            throw new InvalidField("dropPath", "Drop-path: must be a probability below 1, got " + dropPath.get().trim());
        }
        String stageWise = "cell".equals(s.space().family()) ? null : ", and " + s.space().name() + " is a "
                + s.space().family() + "-wise space; use 0 (cutout and epochs apply to every space)";
        if (stageWise != null && aux > 0) {
            throw new InvalidField("auxWeight", "Aux weight: the auxiliary head is defined for cell networks only"
                    + stageWise);
        }
        if (stageWise != null && drop > 0) {
            throw new InvalidField("dropPath", "Drop-path: drop-path is defined for cell networks only" + stageWise);
        }
        try {
            return Recipe.NDS_CIFAR.withEpochs(e).withBatchSizes(b, Math.max(b, Recipe.NDS_CIFAR.testBatchSize()))
                    .withLrAndWd(rate, decay).withCutout(c).withAuxWeight(aux).withDropPath(drop);
        } catch (NdswException ex) {
            throw new InvalidField("epochs", "Recipe: " + ex.getMessage());
        }
    }

    private Path dataFolder() {
        String d = dataset.get().trim();
        if (d.isEmpty()) {
            throw new InvalidField("dataset", "Dataset: choose the CIFAR-10 folder (binary batches or image folders)");
        }
        Path p = Path.of(d);
        if (!Files.isDirectory(p)) {
            throw new InvalidField("dataset", "Dataset: " + d + " is not a folder");
        }
        return p.toAbsolutePath();
    }

    private static long integer(String key, String label, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidField(key, label + ": expected a whole number, got " + Quote.of(text.trim()));
        }
    }

    private static int positiveInt(String key, String label, String text) {
        long v = integer(key, label, text);
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new InvalidField(key, label + ": must be at least 1, got " + text.trim());
        }
        return (int) v;
    }

    private static int nonNegativeInt(String key, String label, String text) {
        long v = integer(key, label, text);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new InvalidField(key, label + ": must be 0 (all images) or a positive count, got " + text.trim());
        }
        return (int) v;
    }

    /** The lr and wd ranges typed as "LO:HI" (none when both fields hold one value). */
    SampledOptim sampled() {
        return new SampledOptim(isRange(lr.get()) ? range("lr", "Learning rate", lr.get()) : null,
                isRange(wd.get()) ? range("wd", "Weight decay", wd.get()) : null);
    }

    private static boolean isRange(String text) {
        return text != null && text.contains(":");
    }

    private static SampledOptim.LogRange range(String key, String label, String text) {
        try {
            return SampledOptim.LogRange.parse(text, label);
        } catch (NdswException e) {
            throw new InvalidField(key, e.getMessage());
        }
    }

    private static double positiveDouble(String key, String label, String text, boolean zeroOk) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidField(key, label + ": expected a number such as 0.1 or 5e-4, got " + Quote.of(text.trim()));
        }
        if (!Double.isFinite(v) || v < 0 || (!zeroOk && v == 0)) {
            throw new InvalidField(key, label + ": must be " + (zeroOk ? "0 or more" : "above 0") + ", got "
                    + text.trim());
        }
        return v;
    }

    /** A count such as 300000, 300k, 1.5M or 2G; blank gives `blank`. */
    static long count(String key, String label, String text, long blank) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return blank;
        }
        double scale = switch (Character.toUpperCase(t.charAt(t.length() - 1))) {
            case 'K' -> 1e3;
            case 'M' -> 1e6;
            case 'G' -> 1e9;
            default -> 1;
        };
        String digits = scale == 1 ? t : t.substring(0, t.length() - 1);
        try {
            double v = Double.parseDouble(digits) * scale;
            if (v < 0 || !Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return Math.round(v);
        } catch (NumberFormatException e) {
            throw new InvalidField(key, label + ": expected a count such as 300000, 300k or 1.5M, got " + Quote.of(t));
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SweepForm[%s]", name.get());
    }
}
