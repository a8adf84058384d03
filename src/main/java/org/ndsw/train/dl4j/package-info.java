/**
 * The DeepLearning4J engine: builds a ComputationGraph from any engine-neutral graph (every op of every space,
 * with exact compositions for ops DL4J lacks), moves weights in and out under {@link org.ndsw.train.ParameterLayout}
 * names, and trains with PyTorch's SGD on the flat parameter vector. The only package that imports DL4J or ND4J
 * (besides the one-class oneDNN lookup shim in org.nd4j.nativeblas); docs/decisions/0007-dl4j-engine.md.
 */
package org.ndsw.train.dl4j;
