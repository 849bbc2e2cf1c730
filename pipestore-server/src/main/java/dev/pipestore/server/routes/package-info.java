/** The API's routes, one class per resource, each registering its paths with the access they admit. */
package dev.pipestore.server.routes;
