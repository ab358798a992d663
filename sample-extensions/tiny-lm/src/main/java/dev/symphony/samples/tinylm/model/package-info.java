/**
 * The model: a vocabulary of characters, the DJL block (one-hot → GRU → linear), its single-file format, and
 * the loaded model that steps one token at a time. No SDK types here, so the training command can use it too.
 */
package dev.symphony.samples.tinylm.model;
