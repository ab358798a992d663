/**
 * The Melody format ({@code *.melody.json}, format version {@link dev.symphony.conductor.melody.Melody#FORMAT_VERSION}):
 * the model ({@link dev.symphony.conductor.melody.Melody}, {@link dev.symphony.conductor.melody.MelodyNode},
 * {@link dev.symphony.conductor.melody.Connection}), the shipped JSON Schema ({@code melody.schema.json} beside
 * this package) and {@link dev.symphony.conductor.melody.MelodyReader}, which checks a file against the schema
 * and then {@link dev.symphony.conductor.melody.MelodyValidator}'s semantic rules, reporting every
 * {@link dev.symphony.conductor.melody.Problem} with its JSON path. conductor/docs/melody-format.md describes
 * the format.
 */
package dev.symphony.conductor.melody;
