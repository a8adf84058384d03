/**
 * Design spaces and model specs (paper §3, Tables 2 and 3; docs/reference/spaces.md). A design space is data: a
 * {@link org.ndsw.space.StageSpace} or {@link org.ndsw.space.CellSpace} read from a design space file by
 * {@link org.ndsw.space.SpaceFiles}. Sampling one gives immutable {@link org.ndsw.space.ModelSpec} records that convert
 * losslessly to and from the `net` field of NDS records ({@link org.ndsw.space.SpecJson}), whose canonical text hash is
 * the model's identity. Pure Java: no UI, database, engine or CLI code.
 */
package org.ndsw.space;
