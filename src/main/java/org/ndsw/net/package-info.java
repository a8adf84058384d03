/**
 * The engine-neutral network graph built from a model spec (docs/reference/blocks-and-ops.md): nodes of convs, batch norms, pools
 * and the like in topological order, with shapes and stable names. Training engines build their models from it and
 * the complexity counter counts it, so what is trained and what is counted cannot disagree. Pure Java.
 */
package org.ndsw.net;
