package org.ndsw.train.dl4j;

import java.util.Map;
import java.util.function.Function;
import org.deeplearning4j.nn.api.FwdPassType;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A ComputationGraph whose training step keeps the forward activations in DL4J's activation workspace, as DL4J's own
 * {@code computeGradientAndScore} does, while the loss stays outside DL4J.
 *
 * <p>{@code feedForward(..., train=true, ...)} followed by {@code backpropGradient} allocates every activation afresh
 * ("detached") on each step; with batch 128 that is megabytes per layer per step of new native memory, about a sixth
 * of a ResNet-20 step on the project's machine (570-590 against 460 ms; decision 0007). Here the activations of one
 * step reuse the workspace of the last.
 */
final class TrainingGraph extends ComputationGraph {
    TrainingGraph(ComputationGraphConfiguration configuration) {
        super(configuration);
    }

    /**
     * Runs the forward pass in training mode, asks {@code errorsOf} for the error of every network output (given all
     * activations by vertex name, valid only during the call; the returned arrays must not live in a workspace), and
     * backpropagates them into the gradient view. Returns the value {@code errorsOf} computed alongside.
     */
    <T> T step(INDArray[] inputs, Function<Map<String, INDArray>, Errors<T>> errorsOf) {
        LayerWorkspaceMgr mgr = workspaces();
        mgr.setHelperWorkspacePointers(helperWorkspaces);
        synchronizeIterEpochCounts();
        T result;
        try (MemoryWorkspace activations = mgr.notifyScopeEntered(ArrayType.ACTIVATIONS)) {
            Map<String, INDArray> acts = ffToLayerActivationsInWS(true, -1, null, FwdPassType.STANDARD, false,
                    inputs, null, null, false);
            Errors<T> errors;
            try (MemoryWorkspace none = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                errors = errorsOf.apply(acts);
            }
            calcBackpropGradients(true, false, errors.errors());
            result = errors.value();
        } finally {
            for (GraphVertex v : getVertices()) {
                v.clear();
            }
        }
        return result;
    }

    /** The errors of the network outputs, in output order, and a value computed with them (e.g. the loss). */
    record Errors<T>(INDArray[] errors, T value) {}

    /** The workspaces DL4J's own training pass uses, or none when the graph is configured without them. */
    private LayerWorkspaceMgr workspaces() {
        if (configuration.getTrainingWorkspaceMode() == WorkspaceMode.NONE) {
            return LayerWorkspaceMgr.noWorkspaces();
        }
        return LayerWorkspaceMgr.builder()
                .with(ArrayType.ACTIVATIONS, WS_ALL_LAYERS_ACT, WS_ALL_LAYERS_ACT_CONFIG)
                .with(ArrayType.INPUT, WS_ALL_LAYERS_ACT, WS_ALL_LAYERS_ACT_CONFIG)
                .with(ArrayType.FF_WORKING_MEM, WS_LAYER_WORKING_MEM, WS_LAYER_WORKING_MEM_CONFIG)
                .with(ArrayType.BP_WORKING_MEM, WS_LAYER_WORKING_MEM, WS_LAYER_WORKING_MEM_CONFIG)
                .with(ArrayType.RNN_FF_LOOP_WORKING_MEM, WS_RNN_LOOP_WORKING_MEM, WS_RNN_LOOP_WORKING_MEM_CONFIG)
                .with(ArrayType.RNN_BP_LOOP_WORKING_MEM, WS_RNN_LOOP_WORKING_MEM, WS_RNN_LOOP_WORKING_MEM_CONFIG)
                .with(ArrayType.UPDATER_WORKING_MEM, WS_ALL_LAYERS_ACT, WS_ALL_LAYERS_ACT_CONFIG)
                .build();
    }
}
