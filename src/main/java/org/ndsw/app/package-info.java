/**
 * Use cases shared by the command line and the GUI: sampling within a complexity window, benchmarks, and (later)
 * comparisons, imports and training sweeps. Services take and return immutable records and know no UI.
 */
package org.ndsw.app;
