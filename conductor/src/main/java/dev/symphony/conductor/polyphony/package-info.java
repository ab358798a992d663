/**
 * Polyphony: Melodies published to and imported from the same signed indexes as extensions. Publishing packs a
 * validated Melody with the extensions its nodes call ({@link dev.symphony.conductor.polyphony.MelodyPublisher});
 * importing verifies the package, installs what it needs on the user's approval and keeps every imported version
 * ({@link dev.symphony.conductor.polyphony.MelodyImporter}, {@link dev.symphony.conductor.polyphony.MelodyLibrary}).
 */
package dev.symphony.conductor.polyphony;
