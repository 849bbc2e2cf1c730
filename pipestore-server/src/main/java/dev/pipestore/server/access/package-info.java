/**
 * Who may call what: API keys from the Authorization header, each route's declared access, and ingest keys'
 * ownership of their uploads.
 */
package dev.pipestore.server.access;
