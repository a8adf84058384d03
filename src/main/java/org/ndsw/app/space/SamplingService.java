package org.ndsw.app.space;

import java.util.ArrayList;
import java.util.List;
import org.ndsw.complexity.Complexities;
import org.ndsw.complexity.Complexity;
import org.ndsw.complexity.Convention;
import org.ndsw.complexity.Window;
import org.ndsw.space.DesignSpace;
import org.ndsw.space.ModelSpec;
import org.ndsw.space.Sampler;

/**
 * Samples models from a design space within a complexity window: the use case behind `ndsw sample`. Complexity is on
 * CIFAR-10 for the paper's spaces and on the space's own input for pycls spaces ({@link Complexities#of}).
 */
public final class SamplingService {
    /** Default bound on candidates drawn before an impossible window is reported. */
    public static final long DEFAULT_MAX_DRAWS = 1_000_000L;

    private SamplingService() {}

    /** A request: how many models, the seed and the filters. */
    public record Request(DesignSpace space, int n, long seed, Window window, Convention convention, boolean unique,
            long maxDraws) {}

    /** One sampled model with its complexity under the request's convention. */
    public record Sample(String space, ModelSpec spec, Complexity complexity) {}

    /** The samples and the number of candidates drawn. */
    public record Result(List<Sample> samples, long drawn) {}

    /** Runs the request. */
    public static Result sample(Request r) {
        Sampler.Result res = Sampler.sample(r.space(), r.n(), r.seed(), r.unique(),
                spec -> !r.window().isBounded() || r.window().contains(Complexities.of(r.space(), spec, r.convention())),
                r.maxDraws(), describe(r.window(), r.convention()));
        List<Sample> out = new ArrayList<>(res.models().size());
        for (ModelSpec spec : res.models()) {
            out.add(new Sample(r.space().name(), spec, Complexities.of(r.space(), spec, r.convention())));
        }
        return new Result(out, res.drawn());
    }

    private static String describe(Window w, Convention c) {
        if (!w.isBounded()) {
            return "";
        }
        return "params in [" + w.minParams() + ", " + bound(w.maxParams()) + "] and " + c.cliName() + " flops in ["
                + w.minFlops() + ", " + bound(w.maxFlops()) + "]";
    }

    private static String bound(long v) {
        return v == Long.MAX_VALUE ? "inf" : Long.toString(v);
    }
}
