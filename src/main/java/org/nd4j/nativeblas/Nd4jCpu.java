package org.nd4j.nativeblas;

/**
 * Restores the class name DL4J 1.0.0-M2.1 looks up to decide whether its oneDNN helpers may run.
 *
 * <p>DL4J's BaseMKLDNNHelper loads {@code org.nd4j.nativeblas.Nd4jCpu$Environment} by reflection and calls
 * {@code getInstance().isUseMKLDNN()}; ND4J M2.1 moved that class to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment} and renamed the method {@code isUseONEDNN}, so
 * without this shim every conv, pooling and BN layer silently takes the slow Java path (docs/reference/toolchain-notes.md#dl4j-pitfalls, 1,
 * docs/decisions/0007-dl4j-engine.md). Only the DL4J engine (org.ndsw.train.dl4j) relies on it.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {}

    /** The lookup target: answers from ND4J's current native environment. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {}

        /** The one instance, as the native binding exposes it. */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /** True if ND4J's native library was built with oneDNN and has it enabled. */
        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
