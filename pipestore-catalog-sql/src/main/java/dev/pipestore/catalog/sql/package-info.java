/**
 * The catalog port on SQL databases: {@link dev.pipestore.catalog.sql.SqlCatalog} over PostgreSQL, MariaDB/MySQL and
 * embedded SQLite, with a Flyway migration set per dialect under {@code db/migration}.
 */
package dev.pipestore.catalog.sql;
