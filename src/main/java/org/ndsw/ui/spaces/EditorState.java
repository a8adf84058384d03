package org.ndsw.ui.spaces;

import java.util.List;
import org.ndsw.space.BlockType;
import org.ndsw.space.CellOp;
import org.ndsw.space.OutputRule;

/**
 * Every field of the space editor at one moment, valid or not: a step of undo/redo and the saved state the dirty
 * marker compares against.
 */
record EditorState(String name, String description, String family, BlockType blockType, int stemWidth, int stemStride,
        List<Stage> stages, List<CellOp> ops, int nodes, OutputRule output, List<Integer> cellWidths,
        List<Integer> cellDepths, RegNetDraft.State regnet, List<ConstraintRow> constraints, boolean pycls,
        int imageSize, int classes) {

    /** One stage's choices. */
    record Stage(int stride, List<Integer> depths, List<Integer> widths, List<Integer> ratios, List<Integer> groups) {
        static Stage of(StageDraft d) {
            return new Stage(d.stride.get(), List.copyOf(d.depths), List.copyOf(d.widths), List.copyOf(d.ratios),
                    List.copyOf(d.groups));
        }

        StageDraft draft() {
            StageDraft d = new StageDraft(stride);
            d.depths.setAll(depths);
            d.widths.setAll(widths);
            d.ratios.setAll(ratios);
            d.groups.setAll(groups);
            return d;
        }
    }

    /** The editor's fields now. */
    static EditorState of(SpaceEditorViewModel e) {
        return new EditorState(e.name.get(), e.description.get(), e.family.get(), e.blockType.get(), e.stemWidth.get(),
                e.stemStride.get(), e.stages.stream().map(Stage::of).toList(), List.copyOf(e.ops), e.nodes.get(),
                e.output.get(), List.copyOf(e.cellWidths), List.copyOf(e.cellDepths),
                e.regnet.state(), List.copyOf(e.constraints), e.pycls.get(), e.imageSize.get(), e.classes.get());
    }

    /** Puts these fields back into the editor (the caller suppresses edit events). */
    void restore(SpaceEditorViewModel e) {
        e.name.set(name);
        e.description.set(description);
        e.family.set(family);
        e.blockType.set(blockType);
        e.stemWidth.set(stemWidth);
        e.stemStride.set(stemStride);
        e.stages.setAll(stages.stream().map(Stage::draft).toList());
        e.ops.setAll(ops);
        e.nodes.set(nodes);
        e.output.set(output);
        e.cellWidths.setAll(cellWidths);
        e.cellDepths.setAll(cellDepths);
        e.regnet.restore(regnet);
        e.constraints.setAll(constraints);
        e.pycls.set(pycls);
        e.imageSize.set(imageSize);
        e.classes.set(classes);
    }
}
