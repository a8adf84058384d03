package org.ndsw.ui.training;

import java.io.File;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.ndsw.ui.Dialogs;

/** The "Plan for a cluster…" dialog: the fields of `ndsw sweep plan`, bound to {@link SweepCluster}. */
final class ClusterDialog {
    /** The dialog's button that writes the plan. */
    static final ButtonType PLAN = new ButtonType("Write plan", ButtonBar.ButtonData.OK_DONE);

    private ClusterDialog() {}

    /** A dialog over `c` for `sweep`; "Write plan" calls {@link SweepCluster#plan}. */
    static Dialog<ButtonType> create(SweepCluster c, String sweep, Window owner, Dialogs dialogs) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Plan " + sweep + " for a cluster");
        d.setHeaderText("Writes one job file per run and a SLURM job-array script (array.sbatch) into the output"
                + " folder; submit it with sbatch, then \"Collect results\". See docs/cluster.md.");
        TextField out = field("cluster-out", c.out, "a folder all nodes see");
        Button browse = new Button("…");
        browse.setId("cluster-browse");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Plan folder (shared by the nodes)");
            File start = dialogs.lastFolder().get();
            if (start != null && start.isDirectory()) {
                chooser.setInitialDirectory(start);
            }
            File chosen = chooser.showDialog(d.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                dialogs.lastFolder().remember(chosen);
                c.out.set(chosen.getAbsolutePath());
            }
        });
        HBox outRow = new HBox(4, out, browse);
        HBox.setHgrow(out, Priority.ALWAYS);
        CheckBox pending = new CheckBox("Only runs not finished (after a collect: lost and never-started runs)");
        pending.setId("cluster-pending");
        pending.selectedProperty().bindBidirectional(c.pending);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        int row = 0;
        g.addRow(row++, new Label("Output folder"), outRow);
        g.addRow(row++, new Label("Array concurrency"), field("cluster-limit", c.limit, "tasks at once, 0 = no limit"));
        g.addRow(row++, new Label("CPUs per task"), field("cluster-cpus", c.cpus, "also the worker's threads"));
        g.addRow(row++, new Label("GPUs per task"), field("cluster-gpus", c.gpus, "--gres=gpu:N, 0 = none"));
        g.addRow(row++, new Label("Time limit"), field("cluster-time", c.time, "e.g. 08:00:00; blank: the partition's"));
        g.addRow(row++, new Label("Partition"), field("cluster-partition", c.partition, "blank: the default"));
        g.addRow(row++, new Label("Worker heap"), field("cluster-heap", c.heap, "e.g. 4g"));
        g.add(pending, 1, row);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(PLAN, ButtonType.CANCEL);
        d.getDialogPane().setPrefWidth(640);
        d.setResultConverter(b -> {
            if (b == PLAN) {
                c.plan();
            }
            return b;
        });
        return d;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.setTooltip(new Tooltip(prompt));
        t.textProperty().bindBidirectional(p);
        return t;
    }
}
