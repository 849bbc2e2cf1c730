/** What the server adds to the store's meters: timings of the HTTP requests it serves. */
package dev.pipestore.server.metrics;
