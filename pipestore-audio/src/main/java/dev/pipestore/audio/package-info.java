/**
 * Audio probing: what format an uploaded file really is and how long it plays, measured from the bytes with bounded
 * reads so a multi-GiB upload needs no more memory than a small one. {@link dev.pipestore.audio.AudioProbe} is the
 * entry point; everything under {@code internal} is implementation.
 */
package dev.pipestore.audio;
