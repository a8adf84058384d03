/**
 * Flops, params and acts of a model (docs/reference/complexity.md) under the `nds` convention of the released data or the `macs`
 * convention of current pycls. {@link org.ndsw.complexity.GraphComplexity} counts the built graph;
 * {@link org.ndsw.complexity.ClosedFormComplexity} counts block by block without building anything and is the fast
 * path; tests keep the two equal. {@link org.ndsw.complexity.AnyNetComplexity} counts pycls's AnyNet family (and
 * RegNet through {@link org.ndsw.complexity.RegNet}) at any input size. Pure Java.
 */
package org.ndsw.complexity;
