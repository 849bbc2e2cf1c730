/** pipestore: the storage layer of a speech-processing pipeline. This package holds the exception hierarchy. */
package dev.pipestore;
