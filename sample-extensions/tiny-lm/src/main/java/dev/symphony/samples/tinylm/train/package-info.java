/**
 * The training command ({@link dev.symphony.samples.tinylm.train.TrainCommand}, wired by the launcher as
 * {@code symphony tiny-lm train}): reads Markdown files, trains the model with DJL's training API, writes the
 * parameter file the extension ships.
 */
package dev.symphony.samples.tinylm.train;
