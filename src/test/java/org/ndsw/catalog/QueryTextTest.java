package org.ndsw.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ndsw.NdswException;

/** The text forms of --where and --sort. */
class QueryTextTest {

    @Test
    void conditionsJoinWithAndAndTakeSuffixedCounts() {
        List<Condition> c = QueryText.where("error<8 and params<=0.856M AND flops > 0.129B");
        assertEquals(3, c.size());
        assertEquals(Column.ERROR, c.get(0).field());
        assertEquals(Condition.Op.LT, c.get(0).op());
        assertEquals(List.of(8L), c.get(0).values());
        assertEquals(List.of(856_000L), c.get(1).values());
        assertEquals(Condition.Op.GT, c.get(2).op());
        assertEquals(List.of(129_000_000L), c.get(2).values());
    }

    @Test
    void netPathsInListsAndHas() {
        List<Condition> c = QueryText.where("net.ds[2] = 4 and space in (ResNet, 'ResNeXt-A') and normal_ops has sep_conv_3x3");
        assertEquals(new NetField("ds[2]"), c.get(0).field());
        assertEquals("json_extract(m.net_b, '$.ds[2]')", c.get(0).field().sql());
        assertEquals(List.of(4L), c.get(0).values());
        assertEquals(Condition.Op.IN, c.get(1).op());
        assertEquals(List.of("ResNet", "ResNeXt-A"), c.get(1).values());
        assertEquals(Condition.Op.HAS, c.get(2).op());
    }

    @Test
    void fractionsStayDoublesAndJsonWordsStayText() {
        assertEquals(List.of(7.5), QueryText.where("error<=7.5").get(0).values());
        assertEquals(List.of("res_bottleneck_block"), QueryText.where("net.block_type=res_bottleneck_block").get(0).values());
        assertEquals(List.of(Boolean.FALSE), QueryText.where("net.aux=false").get(0).values());
    }

    @Test
    void sortKeysTakeAMinusForDescending() {
        List<SortKey> k = QueryText.sort("error,-params, net.ws[3]");
        assertEquals(List.of(new SortKey(Column.ERROR, false), new SortKey(Column.PARAMS, true),
                new SortKey(new NetField("ws[3]"), false)), k);
    }

    @Test
    void unknownFieldNamesTheFieldAndListsTheKnownOnes() {
        NdswException e = assertThrows(NdswException.class, () -> QueryText.where("eror<8"));
        assertTrue(e.getMessage().startsWith("--where \"eror<8\": unknown field \"eror\"; fields are sweep, space"),
                e.getMessage());
    }

    @Test
    void badValueAndSyntaxNameThePosition() {
        NdswException e = assertThrows(NdswException.class, () -> QueryText.where("params<abc"));
        assertEquals("--where \"params<abc\": params takes a number such as 8, 855770, 0.856M or 0.129B at position 8,"
                + " got \"abc\"", e.getMessage());
        e = assertThrows(NdswException.class, () -> QueryText.where("error<8 or params<1M"));
        assertEquals("--where \"error<8 or params<1M\": expected \"and\" or the end at position 9, got \"or\"", e.getMessage());
        e = assertThrows(NdswException.class, () -> QueryText.where("error<"));
        assertEquals("--where \"error<\": expected a value at the end", e.getMessage());
    }

    @Test
    void pathsAreCheckedSoTheyCannotInjectSql() {
        NdswException e = assertThrows(NdswException.class, () -> QueryText.where("net.ds[2];DROP=4"));
        assertTrue(e.getMessage().contains("net.ds[2];DROP is not a field path"), e.getMessage());
        assertThrows(NdswException.class, () -> new NetField("ds[2]') OR 1=1 --"));
    }

    @Test
    void hasOnlyAppliesToSetsAndArrays() {
        NdswException e = assertThrows(NdswException.class, () -> QueryText.where("error has 5"));
        assertTrue(e.getMessage().contains("\"has\" applies to normal_ops, reduce_ops and net arrays, not to error"),
                e.getMessage());
        e = assertThrows(NdswException.class, () -> QueryText.where("normal_ops=sep_conv_3x3"));
        assertTrue(e.getMessage().contains("normal_ops is a set of ops: write normal_ops has OP"), e.getMessage());
    }
}
