/**
 * Exchange with pycls (facebookresearch/pycls, the code of "Designing Network Design Spaces"): its YAML configs read
 * and written ({@link org.ndsw.pycls.PyclsYaml}), configs built from the workbench's nets and recipes ({@link
 * org.ndsw.pycls.PyclsConfigs}) and its sweep output, sweep_collect's sweep.json ({@link org.ndsw.pycls.PyclsSweep}).
 * The supported format version and key mapping are in docs/pycls.md. No I/O beyond the files named, no database.
 */
package org.ndsw.pycls;
