/**
 * The known-answer self-test of the training engines: before an engine trains on a machine, every kind of op the
 * network uses runs forward and backward in the engine and in a double-precision reference, and the first engine
 * configuration whose numbers agree is the one that trains (docs/decisions/0011-known-answer-self-test.md).
 */
package org.ndsw.train.selftest;
