/**
 * Which choices make a design space good: the parameters of a set of trained models (every hyperparameter of their
 * nets plus derived ones such as total depth, largest width and complexity) and, for each, the range where the best
 * models lie, from the empirical bootstrap of the best model that Radosavovic et al. use in "Designing Network Design
 * Spaces" (CVPR 2020) and pycls's sweep analysis. The bootstrap is computed exactly from the closed-form law of the
 * best of m models drawn with replacement ({@link BestOfSample}); a seeded Monte-Carlo version reproduces pycls's
 * procedure. Pure Java over plain arrays and model specs: no UI, files or processes.
 */
package org.ndsw.analysis;
