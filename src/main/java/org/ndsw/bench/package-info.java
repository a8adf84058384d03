/**
 * A benchmark of the whole design-space analysis (issue 3): for several synthetic sets of models it times normalized
 * EDFs, all pairwise KS tests, random-search curves and EDF areas in Java, and runs the same work the way the released
 * notebooks do it in numpy/scipy (docs/bench/analysis_numpy.py) side by side on the same data, reporting medians and
 * their ratio. Pure Java; the numpy side runs as a Python subprocess.
 */
package org.ndsw.bench;
