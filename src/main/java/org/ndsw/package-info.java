/**
 * NDS Workbench: compares neural-network design spaces by the distributions of their models' errors, as in
 * Radosavovic et al., "On Network Design Spaces for Visual Recognition" (ICCV 2019). See docs/ARCHITECTURE.md.
 */
package org.ndsw;
