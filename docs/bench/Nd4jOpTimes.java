import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.comparison.CompareAndReplace;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Times the ND4J building blocks the DL4J engine's batch norm and ReLU were chosen from (decision 0007, third round) on
 * one [128, C, H, H] map: pairwise ops, per-row reductions, GEMV row sums, libnd4j's batchnorm op, two ReLU backward
 * forms, and a multiply and a conv on 64-byte aligned against misaligned copies (in the order a, m, m, a). Median of 9 timings of 50 calls each.
 * docs/bench/nd4j-ops.sh runs it; launched as a source file:
 *
 * <pre>java -cp "target/ndsw.jar:target/lib/*" docs/bench/Nd4jOpTimes.java C H</pre>
 */
public final class Nd4jOpTimes {
    private static double time(Runnable r) {
        for (int i = 0; i < 10; i++) {
            r.run();
        }
        double[] t = new double[9];
        for (int k = 0; k < t.length; k++) {
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                r.run();
            }
            t[k] = (System.nanoTime() - start) / 1e6 / 50;
        }
        java.util.Arrays.sort(t);
        return t[t.length / 2];
    }

    private static void report(String what, Runnable r) {
        System.out.printf("%-52s %7.3f ms%n", what, time(r));
    }

    /** A map whose first element sits this many floats past a 64-byte boundary. */
    private static INDArray at(long n, long c, long h, int floatsPast) {
        long len = n * c * h * h;
        INDArray big = Nd4j.rand(DataType.FLOAT, len + 32);
        long past = (big.data().address() % 64) / 4;
        long start = (16 - past) % 16 + floatsPast;
        return big.get(NDArrayIndex.interval(start, start + len)).reshape('c', n, c, h, h);
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: Nd4jOpTimes C H");
            System.exit(2);
        }
        long n = 128;
        long c = Long.parseLong(args[0]);
        long h = Long.parseLong(args[1]);
        long hw = h * h;
        System.out.printf("map [%d, %d, %d, %d], %d threads%n", n, c, h, h, Runtime.getRuntime().availableProcessors());
        INDArray x = Nd4j.rand(DataType.FLOAT, n, c, h, h);
        INDArray y = Nd4j.rand(DataType.FLOAT, n, c, h, h);
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, n, c, h, h);
        INDArray perChannel = Nd4j.rand(DataType.FLOAT, 1, c, 1, 1);
        INDArray x3 = x.reshape('c', n, c, hw);
        INDArray y3 = y.reshape('c', n, c, hw);
        INDArray rows = x.reshape('c', n * c, hw);
        INDArray ones = Nd4j.ones(DataType.FLOAT, hw);
        INDArray onesColumn = Nd4j.ones(DataType.FLOAT, hw, 1);
        INDArray sums = Nd4j.createUninitialized(DataType.FLOAT, n * c);
        INDArray gamma = Nd4j.rand(DataType.FLOAT, c);
        INDArray beta = Nd4j.rand(DataType.FLOAT, c);
        INDArray zero = Nd4j.zeros(DataType.FLOAT, c);
        INDArray unit = Nd4j.ones(DataType.FLOAT, c);
        INDArray relu = Nd4j.rand(DataType.FLOAT, n, c, h, h).subi(0.5);
        Nd4j.exec(new org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear(relu, relu, 0.0));
        INDArray work = relu.dup();

        report("multiply, [1, C, 1, 1] operand", () -> Nd4j.exec(new MulOp(x, perChannel, out)));
        report("multiply, same-shape operand", () -> Nd4j.exec(new MulOp(x, y, out)));
        report("multiply + add, [1, C, 1, 1] operands", () -> {
            Nd4j.exec(new MulOp(x, perChannel, out));
            Nd4j.exec(new AddOp(out, perChannel, out));
        });
        report("row sums: sum(2) of [N, C, HW]", () -> x3.sum(2));
        report("row norms: norm2(2) of [N, C, HW]", () -> x3.norm2(2));
        report("row dot products: reduce3 Dot along 2", () -> Nd4j.exec(new Dot(x3, y3, 2)));
        report("row sums: level2().gemv of [N*C, HW] with ones", () ->
                Nd4j.getBlasWrapper().level2().gemv('c', 'N', 1.0, rows, ones, 0.0, sums));
        report("row sums: mmul of [N*C, HW] with a ones column", () -> rows.mmul(onesColumn));
        report("libnd4j batchnorm op as per-channel affine map", () -> Nd4j.exec(DynamicCustomOp.builder("batchnorm")
                .addInputs(x, zero, unit, gamma, beta).addOutputs(out).addIntegerArguments(1, 1, 1)
                .addFloatingPointArguments(0.0).build()));
        report("ReLU backward: step + multiply", () -> {
            Nd4j.exec(new Step(relu, work, 0.0));
            Nd4j.exec(new MulOp(work, y, work));
        });
        report("ReLU backward: CompareAndReplace(y > 0)", () ->
                Nd4j.exec(new CompareAndReplace(work, y, Conditions.greaterThan(0.0))));
        int[] conv = {3, 3, 1, 1, 1, 1, 1, 1, 0, 0};
        INDArray w = Nd4j.rand(DataType.FLOAT, c, c, 3, 3).permute(2, 3, 1, 0);
        for (int past : new int[] {0, 4, 4, 0}) {
            INDArray a = at(n, c, h, past);
            INDArray b = at(n, c, h, past);
            INDArray z = at(n, c, h, past);
            String where = past == 0 ? "64-byte aligned" : "16 bytes past 64";
            report("multiply, maps " + where, () -> Nd4j.exec(new MulOp(a, b, z)));
            report("conv 3x3 forward, maps " + where, () -> Nd4j.exec(DynamicCustomOp.builder("conv2d")
                    .addInputs(a, w).addOutputs(z).addIntegerArguments(conv).build()));
        }
    }
}
