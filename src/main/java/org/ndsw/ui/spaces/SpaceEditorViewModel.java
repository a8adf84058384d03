package org.ndsw.ui.spaces;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.ndsw.NdswException;
import org.ndsw.app.space.SpacePreview;
import org.ndsw.space.BlockType;
import org.ndsw.space.CellOp;
import org.ndsw.space.CellSpace;
import org.ndsw.space.DesignSpace;
import org.ndsw.complexity.RegNet;
import org.ndsw.space.OutputRule;
import org.ndsw.space.RegNetSpace;
import org.ndsw.space.SpaceFiles;
import org.ndsw.space.StageSpace;
import org.ndsw.ui.task.TaskHandle;
import org.ndsw.ui.task.TaskRunner;

/**
 * The space being edited: its fields as properties, validated on every change through the same reader as space
 * files, with a live preview (exact size, complexity of 1,000 samples, one example) computed off the FX thread.
 *
 * <p>Validation errors are the message of {@link SpaceFiles} in the editor's words (see {@link SpaceMessages}), with the
 * field path it names (e.g. "stages[0].groups") so the view can mark the offending control and show the message
 * next to it.
 */
public final class SpaceEditorViewModel {
    /** Samples drawn for the complexity histogram. */
    public static final int PREVIEW_SAMPLES = 1000;
    private static final String SOURCE = "space";
    /** Top-level fields of a design space file, the roots of the field paths in validation messages. */
    private static final java.util.Set<String> FIELDS = java.util.Set.of("format", "name", "description", "family",
            "block_type", "stem", "stages", "ops", "nodes", "output", "width", "depth", "regnet", "pycls", "constraints");

    final StringProperty name = new SimpleStringProperty("");
    final StringProperty description = new SimpleStringProperty("");
    final StringProperty family = new SimpleStringProperty("stage");
    final ObjectProperty<BlockType> blockType = new SimpleObjectProperty<>(BlockType.RES_BASIC);
    final IntegerProperty stemWidth = new SimpleIntegerProperty(16);
    final IntegerProperty stemStride = new SimpleIntegerProperty(1);
    final ObservableList<StageDraft> stages = FXCollections.observableArrayList();
    final ObservableList<CellOp> ops = FXCollections.observableArrayList();
    final IntegerProperty nodes = new SimpleIntegerProperty(5);
    final ObjectProperty<OutputRule> output = new SimpleObjectProperty<>(OutputRule.ALL);
    final ObservableList<Integer> cellWidths = FXCollections.observableArrayList();
    final ObservableList<Integer> cellDepths = FXCollections.observableArrayList();
    final BooleanProperty dirty = new SimpleBooleanProperty(false);
    /** The ranges of a RegNet space (family "regnet"). */
    final RegNetDraft regnet = new RegNetDraft();
    /** The constraints section of a stage-wise space, one row per value rule or relation. */
    final ObservableList<ConstraintRow> constraints = FXCollections.observableArrayList();
    /** True for a pycls space (AnyNetX copies, RegNet): simple_stem_in, group widths, counted on imageSize inputs. */
    final BooleanProperty pycls = new SimpleBooleanProperty(false);
    final IntegerProperty imageSize = new SimpleIntegerProperty(224);
    final IntegerProperty classes = new SimpleIntegerProperty(1000);
    /** The RegNet setting "d w0 wa wm g b" the stage preview generates; blank: the middle of the ranges. */
    final StringProperty previewSetting = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<List<RegNetDraft.StageRow>> generated = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper generatedText = new ReadOnlyStringWrapper("");

    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorField = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DesignSpace> space = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SpacePreview.Result> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper sizeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper exampleText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper previewCaption = new ReadOnlyStringWrapper(CAPTION);
    private static final String CAPTION = "Params and flops of " + PREVIEW_SAMPLES + " samples";
    private final TaskRunner tasks;
    private final InvalidationListener changed = o -> onEdit();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
    private final java.util.ArrayDeque<EditorState> undo = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<EditorState> redo = new java.util.ArrayDeque<>();
    /** The fields as last loaded or saved: the editor is dirty while they differ. */
    private EditorState saved;
    /** The fields after the last edit, pushed on the undo stack by the next one. */
    private EditorState current;
    private boolean loading;
    /**
     * What the loaded space's file holds beyond the fields this editor shows (format 2: parent, constraints, pycls),
     * written back unchanged so that editing and saving a refined space never drops its constraints.
     */
    private ObjectNode kept = JsonNodeFactory.instance.objectNode();
    private long generation;
    private TaskHandle<SpacePreview.Result> running;

    /** An editor whose previews run on `tasks`. */
    public SpaceEditorViewModel(TaskRunner tasks) {
        this.tasks = tasks;
        for (Observable o : List.<Observable>of(name, description, family, blockType, stemWidth, stemStride, ops, nodes,
                output, cellWidths, cellDepths, constraints, pycls, imageSize, classes)) {
            o.addListener(changed);
        }
        List.of(regnet.observables()).forEach(o -> o.addListener(changed));
        previewSetting.addListener(o -> generate(space.get()));
        stages.addListener((ListChangeListener<StageDraft>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(s -> List.of(s.observables()).forEach(o -> o.removeListener(changed)));
                c.getAddedSubList().forEach(s -> List.of(s.observables()).forEach(o -> o.addListener(changed)));
            }
            onEdit();
        });
    }

    /** Loads a space into the editor (not dirty afterwards). */
    public void load(DesignSpace s) {
        loading = true;
        kept = keptFields(s);
        try {
            name.set(s.name());
            description.set(s.description());
            family.set(s.family());
            pycls.set(s.pyclsInput() != null);
            if (s.pyclsInput() != null) {
                imageSize.set(s.pyclsInput().imageSize());
                classes.set(s.pyclsInput().classes());
            }
            constraints.setAll(s instanceof StageSpace st ? ConstraintRow.of(st.constraints()) : List.of());
            if (s instanceof RegNetSpace r) {
                regnet.load(r);
                stages.clear();
            } else if (s instanceof StageSpace st) {
                blockType.set(st.blockType());
                stemWidth.set(st.stemWidth());
                stemStride.set(st.stemStride());
                stages.setAll(st.stages().stream().map(StageDraft::of).toList());
            } else {
                CellSpace c = (CellSpace) s;
                ops.setAll(c.ops());
                nodes.set(c.nodes());
                output.set(c.output());
                cellWidths.setAll(boxed(c.widths()));
                cellDepths.setAll(boxed(c.depths()));
            }
        } finally {
            loading = false;
        }
        revalidate();
        saved = EditorState.of(this);
        current = saved;
        undo.clear();
        redo.clear();
        history();
        dirty.set(false);
    }

    /** Records that the fields as they are now were saved: no longer dirty. */
    void markSaved() {
        saved = EditorState.of(this);
        current = saved;
        dirty.set(false);
    }

    /** Takes back the last edit (Ctrl+Z); does nothing when there is none. */
    public void undo() {
        step(undo, redo);
    }

    /** Makes again the last edit undone (Ctrl+Shift+Z or Ctrl+Y); does nothing when there is none. */
    public void redo() {
        step(redo, undo);
    }

    private void step(java.util.Deque<EditorState> from, java.util.Deque<EditorState> to) {
        if (from.isEmpty()) {
            return;
        }
        to.push(current);
        current = from.pop();
        loading = true;
        try {
            current.restore(this);
        } finally {
            loading = false;
        }
        dirty.set(!current.equals(saved));
        history();
        revalidate();
    }

    private void history() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    /** True when there is an edit to undo. */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** True when there is an undone edit to redo. */
    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Adds a stage at the end, copying the last stage's choices (or ResNet's if there is none). */
    public void addStage() {
        if (stages.isEmpty()) {
            StageDraft d = new StageDraft(1);
            d.depths.setAll(1, 2, 4, 8);
            d.widths.setAll(16, 32, 64);
            d.ratios.setAll(1);
            d.groups.setAll(1);
            stages.add(d);
        } else {
            StageDraft d = stages.get(stages.size() - 1).copy();
            d.stride.set(2);
            stages.add(d);
        }
    }

    /** Adds a constraint row unless the same one is there; returns false when it was. */
    public boolean addConstraint(ConstraintRow row) {
        if (constraints.contains(row)) {
            return false;
        }
        constraints.add(row);
        return true;
    }

    /** Removes constraint row `i`. */
    public void removeConstraint(int i) {
        constraints.remove(i);
    }

    /** Removes stage `i`. */
    public void removeStage(int i) {
        stages.remove(i);
    }

    /** The JSON of the edited space in the design space file format. */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("format", SpaceFiles.FORMAT);
        o.put("name", name.get());
        o.put("description", description.get());
        o.put("family", family.get());
        if ("regnet".equals(family.get())) {
            o.put("format", SpaceFiles.FORMAT_3);
            regnet.write(o);
            o.putObject("pycls").put("im_size", imageSize.get()).put("num_classes", classes.get());
            return o;
        }
        if ("stage".equals(family.get())) {
            o.put("block_type", blockType.get().recordName());
            o.putObject("stem").put("width", stemWidth.get()).put("stride", stemStride.get());
            ArrayNode a = o.putArray("stages");
            for (StageDraft d : stages) {
                ObjectNode st = a.addObject();
                st.put("stride", d.stride.get());
                st.set("depth", ints(d.depths));
                st.set("width", ints(d.widths));
                if (blockType.get().isBottleneck()) {
                    st.set("bottleneck_ratio", ints(d.ratios));
                    st.set("groups", ints(d.groups));
                }
            }
        } else {
            ArrayNode a = o.putArray("ops");
            ops.forEach(op -> a.add(op.recordName()));
            o.put("nodes", nodes.get());
            o.put("output", output.get().fileName());
            o.set("width", ints(cellWidths));
            o.set("depth", ints(cellDepths));
        }
        return withKeptFields(o);
    }

    /** Fields of a refined space the editor shows but does not edit. */
    private static final java.util.List<String> KEPT = java.util.List.of("parent");

    private static ObjectNode keptFields(DesignSpace s) {
        ObjectNode all = SpaceFiles.toJson(s);
        ObjectNode k = JsonNodeFactory.instance.objectNode();
        for (String f : KEPT) {
            if (all.has(f)) {
                k.set(f, all.get(f));
            }
        }
        return k;
    }

    /**
     * Adds the parent, the constraints and the pycls section (a pycls space names its per-stage groups "group_width");
     * format 2 if there are any.
     */
    private ObjectNode withKeptFields(ObjectNode o) {
        if (kept.isEmpty() && constraints.isEmpty() && !pycls.get() || !"stage".equals(family.get())) {
            return o;
        }
        o.put("format", SpaceFiles.FORMAT_2);
        o.setAll(kept);
        if (!constraints.isEmpty()) {
            o.set("constraints", ConstraintRow.toJson(constraints, pycls.get(), o.objectNode()));
        }
        if (pycls.get()) {
            o.putObject("pycls").put("im_size", imageSize.get()).put("num_classes", classes.get());
            for (com.fasterxml.jackson.databind.JsonNode st : o.withArray("stages")) {
                ObjectNode stage = (ObjectNode) st;
                if (stage.has("groups")) {
                    stage.set("group_width", stage.remove("groups"));
                }
            }
        }
        return o;
    }

    /** Validates the current fields; on success publishes the space and starts a preview. */
    public void revalidate() {
        try {
            DesignSpace s = SpaceFiles.parse(toJson().toString(), SOURCE);
            error.set("");
            errorField.set("");
            space.set(s);
            sizeText.set(SpaceMessages.sizeOf(s));
            previewCaption.set(CAPTION);
            generate(s);
            startPreview(s);
        } catch (NdswException e) {
            String msg = e.getMessage().startsWith(SOURCE + ": ") ? e.getMessage().substring(SOURCE.length() + 2)
                    : e.getMessage();
            String field = fieldOf(msg);
            error.set(SpaceMessages.forUi(msg, field));
            errorField.set(field);
            space.set(null);
            sizeText.set("");
            generatedText.set("The generated stages show once the fields are valid");
            previewCaption.set(preview.get() == null ? CAPTION : CAPTION + " of the last valid space, not of the"
                    + " fields as they are: fix the error to update them");
        }
    }

    private void onEdit() {
        if (loading) {
            return;
        }
        EditorState now = EditorState.of(this);
        if (current != null && !now.equals(current)) {
            undo.push(current);
            redo.clear();
            history();
        }
        current = now;
        dirty.set(saved == null || !now.equals(saved));
        revalidate();
    }

    private void startPreview(DesignSpace s) {
        long gen = ++generation;
        if (running != null) {
            running.cancel();
        }
        running = tasks.run("Previewing " + s.name(), p -> SpacePreview.of(s, PREVIEW_SAMPLES, 0L, p));
        running.onSuccess(r -> {
            if (gen == generation) {
                preview.set(r);
                exampleText.set(SpaceMessages.exampleOf(r));
            }
        }).onFailure(t -> {
            if (gen == generation && !(t instanceof java.util.concurrent.CancellationException)) {
                error.set(String.valueOf(t.getMessage()));
            }
        });
    }

    /** The stages the preview setting generates in a RegNet space; for other spaces none. */
    private void generate(DesignSpace s) {
        if (!(s instanceof RegNetSpace r)) {
            generated.set(List.of());
            generatedText.set("");
            return;
        }
        try {
            RegNet setting = previewSetting.get().isBlank() ? RegNetDraft.midRange(r)
                    : RegNetDraft.parseSetting(previewSetting.get());
            List<RegNetDraft.StageRow> rows = RegNetDraft.stagesOf(setting);
            generated.set(rows);
            generatedText.set(RegNetDraft.describe(setting, rows, r.numStages()));
        } catch (NdswException | IllegalArgumentException e) {
            generated.set(List.of());
            generatedText.set("Preview setting: " + e.getMessage());
        }
    }

    /** The field path at the start of a validation message ("stages[0].groups"), or "" if none. */
    static String fieldOf(String message) {
        int end = message.indexOf(' ');
        String head = end < 0 ? message : message.substring(0, end);
        String root = head.split("[\\[.]", 2)[0];
        boolean field = FIELDS.contains(root) && head.matches("[a-z_]+(\\[\\d+\\])?(\\.[a-z_0-9]+)?(\\[\\d+\\])?");
        return field ? head : "";
    }

    private static ArrayNode ints(List<Integer> values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        values.forEach(a::add);
        return a;
    }

    private static List<Integer> boxed(int[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    /** The validation message in the editor's words ("Stage 1, Groups: 8 does not divide …"), or "" when valid. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The field the validation message names, or "". */
    public ReadOnlyStringProperty errorFieldProperty() {
        return errorField.getReadOnlyProperty();
    }

    /** The valid space, or null while the fields are invalid. */
    public ReadOnlyObjectProperty<DesignSpace> spaceProperty() {
        return space.getReadOnlyProperty();
    }

    /** The latest preview. */
    public ReadOnlyObjectProperty<SpacePreview.Result> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The exact size as text. */
    public ReadOnlyStringProperty sizeTextProperty() {
        return sizeText.getReadOnlyProperty();
    }

    /** What the histograms show: the current space, or the last valid one while the fields are invalid. */
    public ReadOnlyStringProperty previewCaptionProperty() {
        return previewCaption.getReadOnlyProperty();
    }

    /** The example model and its complexity as text. */
    public ReadOnlyStringProperty exampleTextProperty() {
        return exampleText.getReadOnlyProperty();
    }

    /** The stages the preview setting generates (RegNet spaces), else empty. */
    public ReadOnlyObjectProperty<List<RegNetDraft.StageRow>> generatedProperty() {
        return generated.getReadOnlyProperty();
    }

    /** The preview setting and what it generates, in words, or why it cannot be generated. */
    public ReadOnlyStringProperty generatedTextProperty() {
        return generatedText.getReadOnlyProperty();
    }

    /** True when edited since the last load or save. */
    public BooleanProperty dirtyProperty() {
        return dirty;
    }
}
