/** The HTTP API over the pipestore library: {@code pipestore serve}. */
package dev.pipestore.server;
