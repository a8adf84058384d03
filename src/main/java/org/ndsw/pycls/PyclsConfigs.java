package org.ndsw.pycls;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.ndsw.NdswException;
import org.ndsw.complexity.AnyNet;
import org.ndsw.space.BlockType;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.StageSpace;
import org.ndsw.space.StageSpec;
import org.ndsw.space.StemType;

/**
 * Builds pycls configs (docs/pycls.md): the ANYNET section of a net, a stage-wise spec as the pycls AnyNet it is, and
 * the OPTIM, TRAIN and TEST sections that make a config ready to train; and back, the stage-wise spec of a pycls
 * AnyNet where the workbench's `net` form can hold it.
 */
public final class PyclsConfigs {
    /** TRAIN.IM_SIZE of CIFAR-10 configs. */
    public static final int CIFAR_SIZE = 32;
    /** MODEL.NUM_CLASSES of CIFAR-10 configs. */
    public static final int CIFAR_CLASSES = 10;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /**
     * What pycls's OPTIM section takes from a recipe; LR_POLICY is always cos (a half-period cosine).
     *
     * @param baseLr OPTIM.BASE_LR
     * @param weightDecay OPTIM.WEIGHT_DECAY
     * @param maxEpoch OPTIM.MAX_EPOCH
     * @param momentum OPTIM.MOMENTUM
     * @param nesterov OPTIM.NESTEROV
     */
    public record Optim(double baseLr, double weightDecay, int maxEpoch, double momentum, boolean nesterov) {
        /** The recipe of the released CIFAR-10 data (docs/reference/nds-json.md#training-recipe). */
        public static final Optim NDS_CIFAR = new Optim(0.1, 5e-4, 100, 0.9, true);
    }

    private PyclsConfigs() {}

    /** The config of an AnyNet on `imageSize` inputs: MODEL, ANYNET and TRAIN.IM_SIZE, every ANYNET key written. */
    public static ObjectNode of(AnyNet net, int imageSize) {
        ObjectNode root = F.objectNode();
        root.putObject("MODEL").put("TYPE", "anynet").put("NUM_CLASSES", net.classes());
        ObjectNode a = root.putObject("ANYNET");
        a.put("STEM_TYPE", net.stem().pyclsName());
        a.put("STEM_W", net.stemWidth());
        a.put("BLOCK_TYPE", net.block().pyclsName());
        ArrayNode ds = a.putArray("DEPTHS");
        ArrayNode ws = a.putArray("WIDTHS");
        ArrayNode ss = a.putArray("STRIDES");
        ArrayNode bs = a.putArray("BOT_MULS");
        ArrayNode gs = a.putArray("GROUP_WS");
        for (AnyNet.Stage st : net.stages()) {
            ds.add(st.depth());
            ws.add(st.width());
            ss.add(st.stride());
            bs.add(st.botMul());
            gs.add(st.groupWidth());
        }
        a.put("HEAD_W", net.headWidth());
        a.put("SE_ON", net.seRatio() > 0);
        if (net.seRatio() > 0) {
            a.put("SE_R", net.seRatio());
        }
        root.putObject("TRAIN").put("IM_SIZE", imageSize);
        return root;
    }

    /**
     * The pycls AnyNet of a stage-wise spec: net.stem_type res_stem_in is res_stem_in, else a stem of stride 1 is
     * res_stem_cifar, of stride 2 simple_stem_in (the AnyNetX spaces); double_plain_block is pycls's vanilla_block; group width = bottleneck width / groups; SE of
     * the spec's net.se_r.
     */
    public static AnyNet anyNet(StageSpec spec, int classes) {
        StageSpec.Stage stem = spec.stages().get(0);
        AnyNet.Stem s = spec.stemType() == StemType.RES_STEM_IN ? AnyNet.Stem.RES_STEM_IN : switch (stem.stride()) {
            case 1 -> AnyNet.Stem.RES_STEM_CIFAR;
            case 2 -> AnyNet.Stem.SIMPLE_STEM_IN;
            default -> throw new NdswException("pycls has no stem of stride " + stem.stride()
                    + " (res_stem_cifar has stride 1, simple_stem_in 2)");
        };
        AnyNet.Block b = switch (spec.blockType()) {
            case DOUBLE_PLAIN -> AnyNet.Block.VANILLA_BLOCK;
            case RES_BASIC -> AnyNet.Block.RES_BASIC_BLOCK;
            case RES_BOTTLENECK -> AnyNet.Block.RES_BOTTLENECK_BLOCK;
        };
        List<AnyNet.Stage> stages = new ArrayList<>();
        for (StageSpec.Stage st : spec.stages().subList(1, spec.stages().size())) {
            if (b.isBottleneck()) {
                int wb = StageSpec.bottleneckWidth(st.width(), st.botMul());
                stages.add(new AnyNet.Stage(st.depth(), st.width(), st.stride(), st.botMul(), wb / st.groups()));
            } else {
                stages.add(new AnyNet.Stage(st.depth(), st.width(), st.stride(), 1.0, 1));
            }
        }
        return new AnyNet(s, stem.width(), b, stages, 0, spec.seRatio(), classes);
    }

    /**
     * The stage-wise spec of a pycls AnyNet, the inverse of {@link #anyNet}: res_stem_cifar, simple_stem_in or
     * res_stem_in (net.stem_type, stage 0 at stride 2), vanilla, basic or bottleneck blocks, no head conv; SE_R becomes net.se_r for bottleneck blocks (pycls's vanilla
     * and basic blocks have no SE, so SE_ON does not change them); other nets are refused naming what does not fit.
     */
    public static StageSpec spec(AnyNet net) {
        int stemStride = net.stem() == AnyNet.Stem.RES_STEM_CIFAR ? 1 : 2;
        StemType stemType = net.stem() == AnyNet.Stem.RES_STEM_IN ? StemType.RES_STEM_IN : StemType.CONV_3X3;
        BlockType type = switch (net.block()) {
            case VANILLA_BLOCK -> BlockType.DOUBLE_PLAIN;
            case RES_BASIC_BLOCK -> BlockType.RES_BASIC;
            case RES_BOTTLENECK_BLOCK -> BlockType.RES_BOTTLENECK;
            case RES_BOTTLENECK_LINEAR_BLOCK -> throw unfit("BLOCK_TYPE res_bottleneck_linear_block");
        };
        if (net.headWidth() > 0) {
            throw unfit("HEAD_W " + net.headWidth() + " (a head conv)");
        }
        List<StageSpec.Stage> stages = new ArrayList<>();
        // The stem's placeholders, as the spaces write them: 0.0 for bottleneck blocks, else 1.0.
        stages.add(new StageSpec.Stage(1, net.stemWidth(), stemStride, type.isBottleneck() ? 0.0 : 1.0, 1));
        for (AnyNet.Stage st : net.stages()) {
            if (type.isBottleneck()) {
                stages.add(new StageSpec.Stage(st.depth(), st.width(), st.stride(), st.botMul(),
                        st.bottleneckWidth() / st.groupWidth()));
            } else {
                stages.add(new StageSpec.Stage(st.depth(), st.width(), st.stride(), 1.0, 1));
            }
        }
        return new StageSpec(type, stages, type.isBottleneck() ? net.seRatio() : 0, stemType);
    }

    /**
     * A ready-to-train config: `config` (not changed) with OPTIM from the recipe (LR_POLICY cos), TRAIN.IM_SIZE kept
     * and TEST.IM_SIZE set: the same size for CIFAR-size inputs (32), pycls's 256 for a 224 training size (center crop
     * of a resized image), else the training size.
     */
    public static ObjectNode trainable(ObjectNode config, Optim optim, String dataset) {
        ObjectNode root = config.deepCopy();
        ObjectNode o = root.putObject("OPTIM");
        o.put("LR_POLICY", "cos");
        o.put("BASE_LR", optim.baseLr());
        o.put("MAX_EPOCH", optim.maxEpoch());
        o.put("MOMENTUM", optim.momentum());
        o.put("NESTEROV", optim.nesterov());
        o.put("WEIGHT_DECAY", optim.weightDecay());
        ObjectNode train = root.has("TRAIN") && root.get("TRAIN").isObject() ? (ObjectNode) root.get("TRAIN")
                : root.putObject("TRAIN");
        int size = train.path("IM_SIZE").asInt(224);
        train.put("DATASET", dataset);
        train.put("IM_SIZE", size);
        ObjectNode test = root.putObject("TEST");
        test.put("DATASET", dataset);
        test.put("IM_SIZE", size == 224 ? 256 : size);
        return root;
    }

    /**
     * The config of a net drawn from `space`: a pycls space (AnyNetX) at its own input size and classes, the paper's
     * stage-wise spaces on CIFAR-10 (TRAIN.IM_SIZE 32, 10 classes). Cell spaces are refused: pycls has no cell nets.
     */
    public static ObjectNode ofSample(DesignSpace space, ModelSpec spec) {
        requireStageWise(space);
        StageSpace.Pycls p = space.pyclsInput();
        int size = p == null ? CIFAR_SIZE : p.imageSize();
        int classes = p == null ? CIFAR_CLASSES : p.classes();
        return of(anyNet((StageSpec) spec, classes), size);
    }

    /** Refuses spaces pycls cannot express, naming the space. */
    public static void requireStageWise(DesignSpace space) {
        if (!(space instanceof StageSpace) && !(space instanceof org.ndsw.space.RegNetSpace)) {
            String what = "cell".equals(space.family()) ? "is a cell space" : "is not a stage-wise space (family "
                    + space.family() + ")";
            throw new NdswException("space " + space.name() + " " + what + "; pycls configs express only stage-wise"
                    + " AnyNet nets (Vanilla, ResNet, ResNeXt, AnyNetX and RegNet spaces)");
        }
    }

    private static NdswException unfit(String what) {
        return new NdswException("the workbench's net form cannot hold " + what
                + "; it holds pycls AnyNets with no head conv and no linear bottleneck");
    }
}
