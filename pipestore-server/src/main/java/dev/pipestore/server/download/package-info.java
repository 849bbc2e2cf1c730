/** Streamed downloads with ranges and entity tags, and WAV clips cut without re-encoding. */
package dev.pipestore.server.download;
