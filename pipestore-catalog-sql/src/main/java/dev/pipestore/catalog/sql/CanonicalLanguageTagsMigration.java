package dev.pipestore.catalog.sql;

import dev.pipestore.catalog.LanguageTags;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * V11: rewrites stored language tags in the canonical form {@link LanguageTags} now gives them ({@code eng} becomes
 * {@code en}), so rows written before keep matching filters and retries, and stay readable where they named a script,
 * region or variant the registry does not list (dropped: {@code en-JX} becomes {@code en}). A tag no version accepted,
 * written by another tool, or one whose canonical form would not fit the column, is left as it is: this migration
 * renames and never fails. One migration for every dialect: the canonical form is Java's to
 * compute, and each column holds only a handful of distinct tags.
 */
final class CanonicalLanguageTagsMigration implements JavaMigration {

    private static final List<Column> COLUMNS = List.of(new Column("audio_files", "language"),
            new Column("text_documents", "language"), new Column("transcriptions", "language"),
            new Column("translations", "source_language"), new Column("translations", "target_language"));

    private record Column(String table, String name) {}

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("11");
    }

    @Override
    public String getDescription() {
        return "canonical language tags";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (Column language : COLUMNS) {
            String table = language.table();
            String column = language.name();
            for (String stored : distinctTags(connection, table, column)) {
                String canonical = LanguageTags.registeredPartOrNull(stored);
                if (canonical != null && !canonical.equals(stored)) {
                    try (var update = connection.prepareStatement(
                            "UPDATE " + table + " SET " + column + " = ? WHERE " + column + " = ?")) {
                        update.setString(1, canonical);
                        update.setString(2, stored);
                        update.executeUpdate();
                    }
                }
            }
        }
    }

    private static List<String> distinctTags(Connection connection, String table, String column) throws SQLException {
        List<String> tags = new ArrayList<>();
        try (var select = connection.prepareStatement(
                        "SELECT DISTINCT " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL");
                var rows = select.executeQuery()) {
            while (rows.next()) {
                tags.add(rows.getString(1));
            }
        }
        return tags;
    }
}
