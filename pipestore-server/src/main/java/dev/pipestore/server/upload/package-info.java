/** Upload bodies read as streams, raw or multipart, bounded in size, cleaned up when cut off. */
package dev.pipestore.server.upload;
