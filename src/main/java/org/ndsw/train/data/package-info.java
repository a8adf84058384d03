/**
 * CIFAR-10 in memory: readers for the official binary records and for image folders (PNG or JPEG), validation with
 * messages that name the file, deterministic stratified subsets, and the input pipeline of docs/reference/nds-json.md#training-recipe (normalize,
 * flip, pad-and-crop) run on a background thread a few batches ahead of the engine.
 */
package org.ndsw.train.data;
