/**
 * Failures as RFC 9457 problem bodies: the one mapping from exceptions to HTTP statuses, for routes and for
 * Jetty's own errors.
 */
package dev.pipestore.server.problem;
