package org.ndsw.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Convention;
import org.ndsw.space.CellSpec;
import org.ndsw.space.SpecJson;
import org.ndsw.train.ParameterLayout;
import org.ndsw.train.WeightInit;
import org.ndsw.train.Weights;

/** The auxiliary head and drop-path nodes of DARTS' training setup (paper §5.4), as the graph builds them. */
public class EnhancedCellNetworkTest {
    /** DARTS V2 (second order) at C = 36, 20 cells: the network of the DARTS paper's CIFAR-10 result. */
    public static final String DARTS_V2 = "{\"genotype\":{"
            + "\"normal\":[[\"sep_conv_3x3\",0],[\"sep_conv_3x3\",1],[\"sep_conv_3x3\",0],[\"sep_conv_3x3\",1],"
            + "[\"sep_conv_3x3\",1],[\"skip_connect\",0],[\"skip_connect\",0],[\"dil_conv_3x3\",2]],"
            + "\"normal_concat\":[2,3,4,5],"
            + "\"reduce\":[[\"max_pool_3x3\",0],[\"max_pool_3x3\",1],[\"skip_connect\",2],[\"max_pool_3x3\",1],"
            + "[\"max_pool_3x3\",0],[\"skip_connect\",2],[\"skip_connect\",2],[\"max_pool_3x3\",1]],"
            + "\"reduce_concat\":[2,3,4,5]},\"width\":36,\"depth\":20}";

    private static CellSpec dartsV2(boolean aux, double dropProb) {
        return ((CellSpec) SpecJson.parseNet(DARTS_V2)).withTraining(aux, dropProb);
    }

    @Test
    void auxHeadAndDropPathLeaveComplexityUnchanged() {
        for (Convention c : Convention.values()) {
            var plain = Complexities.cifarFromGraph(dartsV2(false, 0), c);
            assertEquals(plain, Complexities.cifarFromGraph(dartsV2(true, 0.2), c), c.cliName());
            assertEquals(plain, Complexities.cifar(dartsV2(true, 0.2), c), c.cliName());
        }
        assertEquals(3_349_342L, ParameterLayout.trainableCount(Networks.cifar(dartsV2(true, 0.2))));
    }

    @Test
    void auxHeadReadsTheSecondReductionCellAsDartsBuildsIt() {
        Graph g = Networks.cifar(dartsV2(true, 0));
        assertTrue(g.hasAux());
        assertEquals("aux.fc", g.aux().name());
        assertEquals(new Shape(10, 1, 1), g.aux().shape());
        assertEquals("head.fc", g.output().name());
        Node relu = g.nodes().stream().filter(n -> n.name().equals("aux.relu")).findFirst().orElseThrow();
        // cell floor(2·20/3) = 13 is the second reduction cell: 4 nodes x 4·36 channels at 8x8
        assertEquals("c13.concat", g.node(relu.inputs().get(0)).name());
        assertEquals(new Shape(576, 8, 8), g.node(relu.inputs().get(0)).shape());
        Node pool = g.nodes().stream().filter(n -> n.name().equals("aux.pool")).findFirst().orElseThrow();
        assertEquals(new Layer.Pool(Layer.PoolKind.AVG, 5, 3, 0), pool.layer());
        assertEquals(new Shape(576, 2, 2), pool.shape());
        // conv1x1 576*128 + BN 2*128 + conv2x2 128*768*4 + BN 2*768 + fc 768*10 + 10 (DARTS' auxiliary parameters)
        assertEquals(476_426L, ParameterLayout.auxiliaryCount(g));
        List<String> auxTensors = ParameterLayout.of(g).stream().filter(ParameterLayout.Entry::auxiliary)
                .map(ParameterLayout.Entry::name).toList();
        assertEquals(List.of("aux.conv1.weight", "aux.bn1.weight", "aux.bn1.bias", "aux.bn1.running_mean",
                "aux.bn1.running_var", "aux.conv2.weight", "aux.bn2.weight", "aux.bn2.bias", "aux.bn2.running_mean",
                "aux.bn2.running_var", "aux.fc.weight", "aux.fc.bias"), auxTensors);
    }

    @Test
    void dropPathFollowsEveryOpThatIsNotAnIdentity() {
        Graph g = Networks.cifar(dartsV2(false, 0.2));
        // normal cells: 8 ops, two of them skip_connect at stride 1 (identities); reduction cells: 8 ops, three
        // skip_connects from node 2 (stride 1); 18 normal and 2 reduction cells
        assertEquals(18 * 6 + 2 * 5, g.dropPathSlots());
        List<Node> drops = g.nodes().stream().filter(n -> n.layer() instanceof Layer.DropPath).toList();
        assertEquals(g.dropPathSlots(), drops.size());
        for (int i = 0; i < drops.size(); i++) {
            assertEquals(new Layer.DropPath(i), drops.get(i).layer());
            assertEquals(drops.get(i).shape(), g.node(drops.get(i).inputs().get(0)).shape());
        }
        assertEquals("c0.n0.e0.drop", drops.get(0).name());
        assertEquals(0, Networks.cifar(dartsV2(false, 0)).dropPathSlots(), "no drop-path nodes at probability 0");
        assertEquals(Networks.cifar(dartsV2(false, 0)).nodes().size(), g.nodes().size() - drops.size());
    }

    @Test
    void theMainNetworkStartsFromTheSameWeightsWithAndWithoutTheAuxHead() {
        Weights plain = WeightInit.initial(Networks.cifar(dartsV2(false, 0)), 3);
        Weights aux = WeightInit.initial(Networks.cifar(dartsV2(true, 0.2)), 3);
        assertEquals(plain.tensors().size() + 12, aux.tensors().size());
        plain.tensors().forEach((name, t) -> assertArrayEquals(t.data(), aux.get(name).data(), name));
    }

    @Test
    void auxiliaryNodesAreOnlyThoseTheAuxOutputNeeds() {
        Graph g = Networks.cifar(dartsV2(true, 0));
        boolean[] aux = g.auxiliaryNodes();
        for (Node n : g.nodes()) {
            assertEquals(n.name().startsWith("aux."), aux[n.id()], n.name());
        }
        assertFalse(Networks.cifar(dartsV2(false, 0)).hasAux());
    }

    @Test
    void auxHeadNeedsTheEightByEightMap() {
        String oneCell = DARTS_V2.replace("\"depth\":20", "\"depth\":1");
        CellSpec spec = ((CellSpec) SpecJson.parseNet(oneCell)).withTraining(true, 0);
        NdswException e = assertThrows(NdswException.class, () -> Networks.cifar(spec));
        assertEquals("net.aux: the auxiliary head (DARTS AuxiliaryHeadCIFAR) needs the 8x8 map of the second"
                + " reduction cell, but cell 0 gives 16x16 (net.depth must be at least 2 on 32x32 images)",
                e.getMessage());
    }
}
