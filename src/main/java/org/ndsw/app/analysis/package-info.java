/**
 * The analysis use case (`ndsw analyze`): reads sets of trained models with their nets, as `ndsw compare` names them,
 * runs {@link org.ndsw.analysis.Analyzer} and renders the result as the JSON contract or a table; plus the benchmark
 * against a numpy version of pycls's get_filters.
 */
package org.ndsw.app.analysis;
