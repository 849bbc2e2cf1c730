/** JUnit 5 extensions that give each test class its own database on a real SQL server. */
package dev.pipestore.testing.sql;
