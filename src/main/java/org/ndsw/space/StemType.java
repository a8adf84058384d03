package org.ndsw.space;

import java.util.Arrays;
import org.ndsw.NdswException;
import org.ndsw.Quote;

/**
 * The stem of a stage-wise net (docs/reference/spaces.md#stage-wise-spaces), pycls's {@code STEM_TYPE}.
 *
 * <p>{@link #CONV_3X3} is the stem every space samples: a 3x3 conv at stage 0's stride, BN, ReLU, which is pycls's
 * res_stem_cifar at stride 1 and simple_stem_in at stride 2. {@link #RES_STEM_IN} is pycls's ResNet stem: a 7x7 conv at
 * stage 0's stride (which must be 2), BN, ReLU, then a 3x3 max-pool at stride 2, so it downsamples by 4.
 */
public enum StemType {
    /** A 3x3 conv at stage 0's stride, BN, ReLU (res_stem_cifar at stride 1, simple_stem_in at stride 2). */
    CONV_3X3,
    /** pycls's res_stem_in: 7x7 conv at stride 2 (padding 3), BN, ReLU, 3x3 max-pool at stride 2 (padding 1). */
    RES_STEM_IN;

    /** The value of {@code net.stem_type} for {@link #RES_STEM_IN}; the only one written in canonical JSON. */
    public static final String RES_STEM_IN_NAME = "res_stem_in";
    private static final String CIFAR = "res_stem_cifar";
    private static final String SIMPLE = "simple_stem_in";

    /**
     * The stem named by a {@code net.stem_type} value (pycls's names) on a net whose stage 0 has stride
     * `stemStride`: res_stem_cifar needs stride 1 and simple_stem_in stride 2, as their 3x3 conv has that stride.
     */
    public static StemType fromRecordName(String name, int stemStride, String field) {
        return switch (name) {
            case RES_STEM_IN_NAME -> RES_STEM_IN;
            case CIFAR, SIMPLE -> {
                int want = CIFAR.equals(name) ? 1 : 2;
                if (stemStride != want) {
                    throw new NdswException(field + " = " + Quote.of(name) + " has stride " + want
                            + ", but net.ss[0] is " + stemStride);
                }
                yield CONV_3X3;
            }
            default -> throw new NdswException(field + " must be one of " + Arrays.asList(CIFAR, SIMPLE,
                    RES_STEM_IN_NAME) + ", got " + Quote.of(name));
        };
    }
}
