package org.ndsw.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic design spaces for the benchmark, in the ranges of the paper's CIFAR data: params log-uniform
 * in 0.01-1.5 M, error in % log-normal around 6-9% and falling with params.
 */
public final class SyntheticSets {
    private SyntheticSets() {}

    /**
     * One synthetic design space.
     *
     * @param errors the errors in %
     * @param params the parameter counts in millions
     */
    public record Set(double[] errors, double[] params) {
        /** Copies the arrays. */
        public Set {
            errors = errors.clone();
            params = params.clone();
        }

        /** Returns a copy of the errors. */
        @Override
        public double[] errors() {
            return errors.clone();
        }

        /** Returns a copy of the params. */
        @Override
        public double[] params() {
            return params.clone();
        }
    }

    /** Generates {@code sets} sets of n models from the seed; set s has its errors centred near 6 + 0.6·s %. */
    public static List<Set> generate(int sets, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Set> out = new ArrayList<>();
        for (int s = 0; s < sets; s++) {
            double[] errors = new double[n];
            double[] params = new double[n];
            double centre = Math.log(6.0 + 0.6 * s);
            for (int i = 0; i < n; i++) {
                params[i] = Math.exp(Math.log(0.01) + random.nextDouble() * Math.log(150));
                errors[i] = Math.exp(centre - 0.12 * Math.log(params[i] / 0.1) + 0.3 * gaussian(random));
            }
            out.add(new Set(errors, params));
        }
        return List.copyOf(out);
    }

    /** Writes set s as {@code set<s>_errors.f64} and {@code set<s>_params.f64}, little-endian doubles (numpy "&lt;f8"). */
    public static void write(List<Set> sets, Path dir) {
        try {
            Files.createDirectories(dir);
            for (int s = 0; s < sets.size(); s++) {
                writeDoubles(dir.resolve("set" + s + "_errors.f64"), sets.get(s).errors);
                writeDoubles(dir.resolve("set" + s + "_params.f64"), sets.get(s).params);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeDoubles(Path file, double[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            buffer.putDouble(v);
        }
        Files.write(file, buffer.array());
    }

    /** Returns a standard normal draw (Box-Muller). */
    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
