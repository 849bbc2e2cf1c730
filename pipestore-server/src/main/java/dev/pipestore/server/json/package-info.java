/** Strict JSON request bodies, JSON responses, and path and query parameters. */
package dev.pipestore.server.json;
