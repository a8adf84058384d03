package org.ndsw.ui.spaces;

import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ndsw.space.StageSpace;

/** The editable choices of one stage of a stage-wise space. */
public final class StageDraft {
    final IntegerProperty stride = new SimpleIntegerProperty(1);
    final ObservableList<Integer> depths = FXCollections.observableArrayList();
    final ObservableList<Integer> widths = FXCollections.observableArrayList();
    final ObservableList<Integer> ratios = FXCollections.observableArrayList();
    final ObservableList<Integer> groups = FXCollections.observableArrayList();

    /** A stage with the given stride and no choices yet. */
    StageDraft(int stride) {
        this.stride.set(stride);
    }

    /** A stage holding the choices of a space's stage. */
    static StageDraft of(StageSpace.StageChoices c) {
        StageDraft d = new StageDraft(c.stride());
        set(d.depths, c.depths());
        set(d.widths, c.widths());
        set(d.ratios, c.ratios());
        set(d.groups, c.groups());
        return d;
    }

    /** A copy with the same choices. */
    StageDraft copy() {
        StageDraft d = new StageDraft(stride.get());
        d.depths.setAll(depths);
        d.widths.setAll(widths);
        d.ratios.setAll(ratios);
        d.groups.setAll(groups);
        return d;
    }

    /** Everything a listener must watch to see any edit of this stage. */
    Observable[] observables() {
        return new Observable[] {stride, depths, widths, ratios, groups};
    }

    /** The stride of the stage's first block. */
    public IntegerProperty strideProperty() {
        return stride;
    }

    /** Depth choices. */
    public ObservableList<Integer> depths() {
        return depths;
    }

    /** Width choices. */
    public ObservableList<Integer> widths() {
        return widths;
    }

    /** Bottleneck ratio choices (bottleneck blocks only). */
    public ObservableList<Integer> ratios() {
        return ratios;
    }

    /** Group choices (bottleneck blocks only). */
    public ObservableList<Integer> groups() {
        return groups;
    }

    private static void set(ObservableList<Integer> list, int[] values) {
        list.clear();
        for (int v : values) {
            list.add(v);
        }
    }
}
